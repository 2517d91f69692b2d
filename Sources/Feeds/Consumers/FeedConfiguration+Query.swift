extension FeedConfiguration {
    /// The query this configuration adds: `token`, `tickers`, `isins`, `simplify`,
    /// `aggregate_type`, each percent-encoded; nil when there is nothing to add.
    ///
    /// Tickers are upper-cased, as in `subscription`, so the upstream filters by exactly what the
    /// pipeline ties messages to. List items are encoded one by one and joined with a literal comma, the separator the
    /// upstream splits on; a comma inside an item is encoded and so cannot split it.
    var queryString: String? {
        var parts: [String] = []
        if let token, !token.isEmpty { parts.append("token=" + Self.percentEncoded(token)) }
        if !tickers.isEmpty { parts.append("tickers=" + tickers.map { Self.percentEncoded($0.uppercased()) }.joined(separator: ",")) }
        if !isins.isEmpty { parts.append("isins=" + isins.map(Self.percentEncoded).joined(separator: ",")) }
        if source == .consensus {
            if let simplify { parts.append("simplify=\(simplify)") }
            if let aggregateType { parts.append("aggregate_type=" + aggregateType.rawValue) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "&")
    }

    /// `value` with everything but RFC 3986 unreserved characters percent-encoded (UTF-8).
    static func percentEncoded(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
