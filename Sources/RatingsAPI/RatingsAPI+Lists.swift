import HTTPServer
import LiveState

/// Documents assembled per request from pre-rendered pieces: pages of records and the
/// dashboard's batch of consensus documents. Their ETag hashes the assembled body.
extension RatingsAPI {
    /// `GET /ratings` and `GET /insights`: `{"data":[...],"next_cursor":...}`, plus a
    /// `Link: rel="next"` header repeating the query with the next cursor.
    func records(_ route: Route, request: HTTPRequest) throws(APIProblem) -> HTTPResponse {
        let parameters = try QueryParameters(query: request.query, accepted: route.parameters, path: route.template)
        let query = try RecordFilter(configuration: configuration).query(from: parameters)
        let page = route == .insights ? store.insights(query) : store.ratings(query)
        let token = page.nextCursor?.token

        var json = JSONWriter(capacity: page.items.reduce(40 + (token?.utf8.count ?? 0)) { $0 + $1.count + 1 })
        json.raw("{\"data\":")
        json.rawArray(page.items)
        json.raw(",\"next_cursor\":"); json.string(token)
        json.byte(UInt8(ascii: "}"))

        let link = token.map { "<\(route.template)?\(parameters.query(withCursor: $0))>; rel=\"next\"" }
        return ok(json.bytes, etag: EntityTag.strong(hashing: json.bytes), request: request, link: link)
    }

    /// `GET /consensus?tickers=A,B`: the documents in request order; tickers without a
    /// consensus (unknown or not yet received) are listed in `missing` instead of failing.
    func consensusBatch(request: HTTPRequest, route: Route) throws(APIProblem) -> HTTPResponse {
        let parameters = try QueryParameters(query: request.query, accepted: route.parameters, path: route.template)
        guard let list = parameters["tickers"] else {
            throw APIProblem(
                .invalidParameter,
                "tickers is required: a comma-separated list of at most \(configuration.maxTickersPerRequest) tickers.",
                parameter: "tickers")
        }
        let tickers = try tickerSymbols.normalizeList(
            list, parameter: "tickers", maxCount: configuration.maxTickersPerRequest)

        var documents: [[UInt8]] = []
        var missing: [String] = []
        documents.reserveCapacity(tickers.count)
        for ticker in tickers {
            if let document = store.consensusDocument(ticker: ticker) {
                documents.append(document.json)
            } else {
                missing.append(ticker)
            }
        }
        var json = JSONWriter(capacity: documents.reduce(40 + missing.count * 8) { $0 + $1.count + 1 })
        json.raw("{\"data\":")
        json.rawArray(documents)
        json.raw(",\"missing\":"); json.stringArray(missing)
        json.byte(UInt8(ascii: "}"))
        return ok(json.bytes, etag: EntityTag.strong(hashing: json.bytes), request: request)
    }
}
