/// ASCII-only text helpers for protocol tokens, where Unicode case folding would be wrong
/// (and slow).
enum ASCII {
    /// The lower-case form of an ASCII letter; any other byte unchanged.
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }

    /// The string with ASCII letters lower-cased (other characters kept).
    static func lowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return text }
        return String(decoding: text.utf8.map { lowercased($0) }, as: UTF8.self)
    }
}
