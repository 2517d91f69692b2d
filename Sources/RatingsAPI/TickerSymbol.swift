/// Validation and normalisation of ticker symbols: case-insensitive in, upper-case out.
struct TickerSymbol {
    /// The longest symbol accepted.
    let maxLength: Int

    /// The upper-cased symbol, or a 400 `invalid-ticker` naming `parameter`.
    ///
    /// Allowed: 1 to `maxLength` of `A-Z a-z 0-9 . - /` (`BRK.B`, `BRK/B`, `RDS-A`). A symbol that
    /// is already upper-case is returned as is, so the common request allocates nothing here.
    func normalize(_ text: String, parameter: String) throws(APIProblem) -> String {
        var hasLowercase = false
        var count = 0
        for byte in text.utf8 {
            count += 1
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"):
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                hasLowercase = true
            default:
                throw invalid(text, parameter: parameter)
            }
        }
        guard count >= 1, count <= maxLength else { throw invalid(text, parameter: parameter) }
        guard hasLowercase else { return text }
        return String(decoding: text.utf8.map(ASCII.uppercased), as: UTF8.self)
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

    private func invalid(_ text: String, parameter: String) -> APIProblem {
        APIProblem(
            .invalidTicker,
            "A ticker is 1 to \(maxLength) characters of A-Z, 0-9, \".\", \"-\" or \"/\" (a \"/\" in a path "
                + "written %2F); got \(APIProblem.quote(text)).",
            parameter: parameter)
    }
}
