/// The ticker grammar ratingsd accepts everywhere, from feeds and from clients alike: 1 to 16
/// (or a configured maximum) of `A-Z 0-9 . - /` in any letter case, upper-cased on the way in
/// (`brk.b` becomes `BRK.B`). Anything else is refused, never repaired.
public enum TickerSymbol {
    /// The longest ticker accepted by default.
    public static let maxLength = 16

    /// The upper-cased ticker, or nil when `text` is not one. A ticker that is already
    /// upper-case comes back as the same string, so the common case allocates nothing.
    public static func normalized(_ text: String, maxLength: Int = maxLength) -> String? {
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
                return nil
            }
        }
        guard count >= 1, count <= maxLength else { return nil }
        guard hasLowercase else { return text }
        return String(decoding: text.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self)
    }
}
