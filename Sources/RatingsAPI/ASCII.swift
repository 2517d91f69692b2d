/// ASCII-only text helpers for protocol tokens, where Unicode case folding would be wrong
/// (and slow).
enum ASCII {
    /// Whether two strings are equal ignoring the case of ASCII letters.
    static func equalsIgnoringCase(_ left: String, _ right: String) -> Bool {
        let a = left.utf8, b = right.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            guard lowercased(x) == lowercased(y) else { return false }
        }
        return true
    }

    /// The lower-case form of an ASCII letter; any other byte unchanged.
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }

    /// The upper-case form of an ASCII letter; any other byte unchanged.
    static func uppercased(_ byte: UInt8) -> UInt8 {
        byte >= 97 && byte <= 122 ? byte & ~0x20 : byte
    }

    /// The string with ASCII letters lower-cased (other characters kept).
    static func lowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return text }
        return String(decoding: text.utf8.map { lowercased($0) }, as: UTF8.self)
    }
}
