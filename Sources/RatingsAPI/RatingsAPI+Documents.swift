import HTTPServer
import LiveState

/// Single documents served straight from the store.
extension RatingsAPI {
    /// `GET /consensus/{ticker}`: the hot path, one lookup and the document's own bytes.
    func consensus(ticker raw: String, request: HTTPRequest) throws(APIProblem) -> HTTPResponse {
        let ticker = try tickerSymbols.normalize(raw, parameter: "ticker")
        guard let document = store.consensusDocument(ticker: ticker) else {
            if store.knowsTicker(ticker) {
                throw APIProblem(
                    .notFound, "\(ticker) is a known ticker but no consensus has been received for it yet.",
                    parameter: "ticker")
            }
            throw unknownTicker(ticker)
        }
        return ok(document.json, etag: EntityTag.of(document), request: request)
    }

    /// `GET /tickers/{ticker}`.
    func tickerOverview(ticker raw: String, request: HTTPRequest) throws(APIProblem) -> HTTPResponse {
        let ticker = try tickerSymbols.normalize(raw, parameter: "ticker")
        guard let document = store.tickerDocument(ticker: ticker) else { throw unknownTicker(ticker) }
        return ok(document.json, etag: EntityTag.of(document), request: request)
    }

    /// `GET /ratings/{id}` and `GET /insights/{id}`.
    func record(_ document: Document?, kind: String, id: String, request: HTTPRequest) throws(APIProblem) -> HTTPResponse {
        guard let document else {
            throw APIProblem(.notFound, "No \(kind) has the id \(APIProblem.quote(id)).", parameter: "id")
        }
        return ok(document.json, etag: EntityTag.of(document), request: request)
    }

    private func unknownTicker(_ ticker: String) -> APIProblem {
        APIProblem(.unknownTicker, "No consensus, rating or insight is known for \(ticker).", parameter: "ticker")
    }
}
