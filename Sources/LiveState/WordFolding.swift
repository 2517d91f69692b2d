/// Case- and punctuation-insensitive matching of upstream words without allocating.
///
/// Folding keeps ASCII letters and digits, lower-cased, and drops everything else, so
/// `Equal-Weight`, `equal weight` and `EQUAL_WEIGHT` all fold to `equalweight`.
enum WordFolding {
    /// Longest folded text kept; longer text is cut here, which no word we match reaches.
    static let capacity = 40

    /// Calls `body` with the folded form of `text` (at most `capacity` bytes).
    static func withFolded<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var count = 0
            for byte in text.utf8 where count < capacity {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    buffer[count] = byte
                    count += 1
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    buffer[count] = byte | 0x20
                    count += 1
                default:
                    continue
                }
            }
            return body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The value of the first entry of `table` whose word (lower-case ASCII) the folded `text`
    /// starts with (`byPrefix`) or equals; `otherwise` when no entry matches, and nil when the
    /// text has no letters or digits at all (blank text names nothing).
    static func match<Value>(
        _ text: String, in table: [(StaticString, Value)], byPrefix: Bool, otherwise: Value?
    ) -> Value? {
        withFolded(text) { folded in
            if folded.isEmpty { return nil }
            for (word, value) in table where byPrefix ? hasPrefix(folded, word) : equals(folded, word) {
                return value
            }
            return otherwise
        }
    }

    /// Whether the folded bytes start with `stem` (lower-case ASCII).
    static func hasPrefix(_ folded: UnsafeBufferPointer<UInt8>, _ stem: StaticString) -> Bool {
        stem.withUTF8Buffer { stemBytes in
            stemBytes.count <= folded.count && folded.starts(with: stemBytes)
        }
    }

    /// Whether the folded bytes are exactly `word` (lower-case ASCII).
    static func equals(_ folded: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { wordBytes in
            wordBytes.count == folded.count && folded.elementsEqual(wordBytes)
        }
    }
}
