/// The ticker grammar ratingsd accepts everywhere: 1-16 of `A-Z 0-9 . - /`, upper-cased
/// (`brk.b` becomes `BRK.B`). Anything else is refused, never repaired.
public enum TickerSymbol {
    /// The longest ticker accepted.
    public static let maxLength = 16

    /// The upper-cased ticker, or nil when `text` is not one.
    public static func normalized(_ text: String) -> String? {
        let verdict: (valid: Bool, lowercase: Bool) = TextRules.withBytes(text) { bytes in
            guard !bytes.isEmpty, bytes.count <= maxLength else { return (false, false) }
            var lowercase = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"):
                    continue
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    lowercase = true
                default:
                    return (false, false)
                }
            }
            return (true, lowercase)
        }
        guard verdict.valid else { return nil }
        return verdict.lowercase ? String(decoding: text.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self) : text
    }
}
