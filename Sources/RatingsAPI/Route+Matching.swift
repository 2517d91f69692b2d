/// Path matching without Foundation or a segment array: every path of the API has one or two
/// segments, so the matcher finds the one slash between them and compares bytes.
extension Route {
    /// The route of a percent-encoded path (`/consensus/BRK%2FB`), nil when nothing lives
    /// there. A `%2F` inside a segment stays part of that segment, as RFC 3986 means it to.
    static func match(path: String) throws(APIProblem) -> Route? {
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "/") else { return nil }
        let afterRoot = bytes.index(after: bytes.startIndex)
        let rest = Substring(path)[afterRoot...].utf8
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else {
            return collection(try segment(rest[...]))
        }
        let parameterStart = rest.index(after: slash)
        let parameterBytes = rest[parameterStart...]
        guard !parameterBytes.isEmpty, !parameterBytes.contains(UInt8(ascii: "/")) else { return nil }
        let name = try segment(rest[..<slash])
        guard name == "consensus" || name == "ratings" || name == "insights" || name == "tickers" else {
            return nil
        }
        let parameter = try segment(parameterBytes)
        switch name {
        case "consensus": return .consensus(ticker: parameter)
        case "ratings": return .rating(id: parameter)
        case "insights": return .insight(id: parameter)
        default: return .ticker(parameter)
        }
    }

    private static func collection(_ name: String) -> Route? {
        switch name {
        case "consensus": return .consensusBatch
        case "ratings": return .ratings
        case "insights": return .insights
        case "tickers": return .tickers
        case "healthz": return .healthz
        case "readyz": return .readyz
        case "status": return .status
        case "openapi.yaml": return .openAPI
        default: return nil
        }
    }

    private static func segment(_ bytes: Substring.UTF8View) throws(APIProblem) -> String {
        guard let decoded = PercentEncoding.decode(bytes, plusAsSpace: false) else {
            throw APIProblem(.badRequest, "The path contains an invalid percent-encoding (% must be followed by two hex digits of UTF-8).")
        }
        return decoded
    }
}
