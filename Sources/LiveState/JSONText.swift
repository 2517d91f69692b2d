/// Byte-level facts about JSON text shared by the writer and the feed parser.
public enum JSONText {
    /// The index of the first byte from `start` that ends a run of plain ASCII string content:
    /// a quote, a backslash, a control character or a non-ASCII byte (`utf8.count` when none
    /// does). Eight bytes at a time, since most of a document is plain string content.
    ///
    /// The parser stops there to look at an escape or validate UTF-8; the writer to escape.
    public static func plainRunEnd(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = utf8.count
        if let base = utf8.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                // Classic "has a byte below n / has a zero byte" tests; exact as long as no byte
                // has its high bit set, and a set high bit stops the fast path anyway.
                let control = (word &- ones &* 0x20) & ~word
                let special = (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
                if special | (word & highs) != 0 { break }
                index += 8
            }
        }
        while index < count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return index }
            index += 1
        }
        return index
    }
}
