/// Percent-decoding of path segments and query components (RFC 3986 §2.1), and the encoding
/// used when the API writes a query back into a `Link` header.
enum PercentEncoding {
    /// Decodes `%XY` escapes (and `+` as a space when `plusAsSpace`, as HTML forms send query
    /// values). Nil when an escape is not two hex digits or the result is not valid UTF-8.
    ///
    /// Generic so the hot path can hand in a slice of contiguous bytes; specialised, it scans
    /// a plain segment once and builds the `String` straight from it.
    static func decode(_ bytes: some Collection<UInt8>, plusAsSpace: Bool) -> String? {
        let needsWork = bytes.contains { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }
        guard needsWork else { return string(validating: bytes) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == UInt8(ascii: "+"), plusAsSpace {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index < bytes.endIndex, let high = hexValue(bytes[index]) else { return nil }
                index = bytes.index(after: index)
                guard index < bytes.endIndex, let low = hexValue(bytes[index]) else { return nil }
                index = bytes.index(after: index)
                decoded.append(high << 4 | low)
            } else {
                decoded.append(byte)
            }
        }
        return string(validating: decoded)
    }

    /// The bytes as a `String`, nil when they are not UTF-8. ASCII, the common case, skips the
    /// standard library's validator, which runs unspecialised (a generic metadata lookup per call).
    private static func string(validating bytes: some Collection<UInt8>) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Encodes every byte but RFC 3986 unreserved characters and the delimiters that mean
    /// nothing inside a query value (`, : / @`), so the text can stand as a query name or value
    /// and stays readable (`action=upgrade,downgrade`). A space becomes `%20`, `+` `%2B`.
    static func encodeComponent(_ text: String) -> String {
        guard text.utf8.contains(where: { !isQuerySafe($0) }) else { return text }
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isQuerySafe(byte) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(upperHexDigit(byte >> 4))
                encoded.append(upperHexDigit(byte & 0x0F))
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func isQuerySafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ","), UInt8(ascii: ":"),
             UInt8(ascii: "/"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    private static func upperHexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 48 + nibble : 55 + nibble
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - 48
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - 55
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - 87
        default: return nil
        }
    }
}
