import LiveState

/// Reads the filters of `GET /ratings` and `GET /insights` into a `RecordQuery`, refusing any
/// value it cannot take at its word with a 400 that names the parameter.
struct RecordFilter {
    /// The page sizes and length limits to apply.
    let configuration: APIConfiguration

    /// The query parameters `/ratings` accepts.
    static let ratingParameters = [
        "ticker", "tickers", "action", "firm", "min_importance", "since", "until", "limit", "cursor",
    ]
    /// The query parameters `/insights` accepts: those of ratings but `min_importance`, since
    /// insights carry no importance.
    static let insightParameters = ratingParameters.filter { $0 != "min_importance" }

    /// The normalised action words a client may filter by.
    static let actions: Set<String> = [
        "upgrade", "downgrade", "maintain", "initiate", "reiterate", "reinstate", "assume",
        "terminate", "remove", "suspend", "firm_dissolved", "other",
    ]
    /// `actions` in a stable order, for error messages.
    private static let actionList = actions.sorted().joined(separator: ", ")

    /// The store query the parameters describe.
    func query(from parameters: QueryParameters) throws(APIProblem) -> RecordQuery {
        var query = RecordQuery(limit: configuration.defaultPageSize)
        query.tickers = try tickers(parameters)
        if let text = parameters["action"] { query.actions = try actions(text) }
        if let firm = parameters["firm"] {
            guard !firm.isEmpty, firm.utf8.count <= configuration.maxFirmLength else {
                throw APIProblem(
                    .invalidParameter, "firm must be 1 to \(configuration.maxFirmLength) bytes of a firm's name or id.",
                    parameter: "firm")
            }
            query.firm = firm
        }
        if let text = parameters["min_importance"] {
            query.minImportance = try integer(text, in: 0...5, parameter: "min_importance")
        }
        query.since = try timestamp(parameters["since"], parameter: "since")
        query.until = try timestamp(parameters["until"], parameter: "until")
        if let since = query.since, let until = query.until, since >= until {
            throw APIProblem(
                .invalidParameter, "until (\(until.rfc3339)) must be later than since (\(since.rfc3339)).",
                parameter: "until")
        }
        if let text = parameters["limit"] {
            query.limit = try integer(text, in: 1...configuration.maxPageSize, parameter: "limit")
        }
        if let token = parameters["cursor"] {
            guard let cursor = PageCursor(token: token) else {
                throw APIProblem(
                    .invalidParameter, "cursor must be a next_cursor this API returned; got \(APIProblem.quote(token)).",
                    parameter: "cursor")
            }
            query.cursor = cursor
        }
        return query
    }

    private func tickers(_ parameters: QueryParameters) throws(APIProblem) -> Set<String>? {
        let symbols = TickerParameter(maxLength: configuration.maxTickerLength)
        switch (parameters["ticker"], parameters["tickers"]) {
        case (.some, .some):
            throw APIProblem(
                .invalidParameter, "Give either ticker or tickers, not both.", parameter: "tickers")
        case (.some(let ticker), nil):
            return [try symbols.normalize(ticker, parameter: "ticker")]
        case (nil, .some(let list)):
            return Set(try symbols.normalizeList(
                list, parameter: "tickers", maxCount: configuration.maxTickersPerRequest))
        case (nil, nil):
            return nil
        }
    }

    private func actions(_ text: String) throws(APIProblem) -> Set<String> {
        var actions = Set<String>()
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let word = ASCII.lowercased(String(piece))
            guard Self.actions.contains(word) else {
                throw APIProblem(
                    .invalidParameter,
                    "action must be a comma-separated list of \(Self.actionList); got \(APIProblem.quote(String(piece))).",
                    parameter: "action")
            }
            actions.insert(word)
        }
        return actions
    }

    private func integer(_ text: String, in range: ClosedRange<Int>, parameter: String) throws(APIProblem) -> Int {
        // Digits only, at most 9 of them: no sign, no spaces, no overflow to think about.
        let bytes = text.utf8
        var value = 0
        var valid = !bytes.isEmpty && bytes.count <= 9
        for byte in bytes where valid {
            if byte >= 48, byte <= 57 { value = value * 10 + Int(byte - 48) } else { valid = false }
        }
        guard valid, range.contains(value) else {
            throw APIProblem(
                .invalidParameter,
                "\(parameter) must be an integer from \(range.lowerBound) to \(range.upperBound), got \(APIProblem.quote(text)).",
                parameter: parameter)
        }
        return value
    }

    private func timestamp(_ text: String?, parameter: String) throws(APIProblem) -> Timestamp? {
        guard let text else { return nil }
        guard let instant = Timestamp(rfc3339: text) else {
            throw APIProblem(
                .invalidParameter,
                "\(parameter) must be an RFC 3339 date-time such as 2024-10-04T19:21:06Z (a + offset written %2B) "
                    + "or a date YYYY-MM-DD; got \(APIProblem.quote(text)).",
                parameter: parameter)
        }
        return instant
    }
}
