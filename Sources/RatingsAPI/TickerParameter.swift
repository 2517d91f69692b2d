import LiveState

/// Ticker parameters of a request (`/consensus/{ticker}`, `ticker=`, `tickers=`): LiveState's
/// `TickerSymbol` grammar with the configured length, failing with a 400 that names the
/// parameter.
struct TickerParameter {
    /// The longest symbol accepted.
    let maxLength: Int

    /// The upper-cased symbol, or a 400 `invalid-ticker` naming `parameter`.
    func normalize(_ text: String, parameter: String) throws(APIProblem) -> String {
        guard let symbol = TickerSymbol.normalized(text, maxLength: maxLength) else {
            throw APIProblem(
                .invalidTicker,
                "A ticker is 1 to \(maxLength) characters of A-Z, 0-9, \".\", \"-\" or \"/\" (a \"/\" in a path "
                    + "written %2F); got \(APIProblem.quote(text)).",
                parameter: parameter)
        }
        return symbol
    }

    /// A comma-separated list of symbols, upper-cased, duplicates dropped, request order kept;
    /// at most `maxCount` of them.
    func normalizeList(_ text: String, parameter: String, maxCount: Int) throws(APIProblem) -> [String] {
        var symbols: [String] = []
        var seen = Set<String>()
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let symbol = try normalize(String(piece), parameter: parameter)
            guard seen.insert(symbol).inserted else { continue }
            guard symbols.count < maxCount else {
                throw APIProblem(
                    .invalidParameter, "\(parameter) takes at most \(maxCount) tickers.", parameter: parameter)
            }
            symbols.append(symbol)
        }
        return symbols
    }
}
