import Feeds

/// The `tickers` query parameter: which messages a connection gets.
///
/// A message is matched by the ticker it carries: `data.content.ticker` for ratings,
/// `data.content.security.symbol` for insights, and for consensus the field the message is tied
/// by (`data.ticker`, `data.symbol` or `data.security.symbol`, else `data.isin` looked up in the
/// ISINs the ratings fixture pairs with tickers). Comparison ignores case. With a filter, a
/// message that names no ticker is not sent.
struct SimTickerFilter: Sendable, Equatable {
    /// Upper-cased tickers; empty means every message.
    let tickers: Set<String>

    /// The filter of a comma-separated `tickers` value (nil or empty: no filter).
    init(_ parameter: String?) {
        let names = (parameter ?? "").split(separator: ",").map { $0.trimmingSpaces().uppercased() }
        tickers = Set(names.filter { !$0.isEmpty })
    }

    /// Whether a message about `ticker` goes to this connection.
    func admits(_ ticker: String?) -> Bool {
        guard !tickers.isEmpty else { return true }
        guard let ticker else { return false }
        return tickers.contains(ticker)
    }

    /// The upper-cased ticker `bytes` (one message of `feed`) is about, or nil.
    static func ticker(of bytes: [UInt8], feed: SimFeed, isinTickers: [String: String] = [:]) -> String? {
        var parser = JSONParser()
        guard let root = try? parser.parse(bytes), let data = root.objectValue?["data"]?.objectValue else { return nil }
        let symbol: String?
        switch feed {
        case .ratings:
            symbol = data["content"]?.objectValue?["ticker"]?.stringValue
        case .insights:
            symbol = data["content"]?.objectValue?["security"]?.objectValue?["symbol"]?.stringValue
        case .consensus:
            symbol = data["ticker"]?.stringValue ?? data["symbol"]?.stringValue
                ?? data["security"]?.objectValue?["symbol"]?.stringValue
                ?? data["isin"]?.stringValue.flatMap { isinTickers[$0.trimmingSpaces().uppercased()] }
        }
        return symbol.map { $0.trimmingSpaces().uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension SimTickerFilter {
    /// Upper-cased ISIN to ticker, from every ratings line (`.jsonl` bytes) that carries both.
    static func isinTickers(fromRatings fixture: [UInt8]) -> [String: String] {
        var map: [String: String] = [:]
        var parser = JSONParser()
        for line in fixture.split(separator: 0x0A) {
            guard let root = try? parser.parse(Array(line)),
                  let content = root.objectValue?["data"]?.objectValue?["content"]?.objectValue,
                  let isin = content["isin"]?.stringValue, let ticker = content["ticker"]?.stringValue,
                  !isin.trimmingSpaces().isEmpty, !ticker.trimmingSpaces().isEmpty else { continue }
            map[isin.trimmingSpaces().uppercased()] = ticker.trimmingSpaces().uppercased()
        }
        return map
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
