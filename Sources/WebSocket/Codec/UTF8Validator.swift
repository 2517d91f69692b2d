/// An incremental UTF-8 validator: feed it bytes in any split, ask at the end if it was whole.
///
/// Follows the well-formed byte sequences of Unicode table 3-7, so overlong forms, UTF-16
/// surrogates (U+D800-DFFF) and anything above U+10FFFF are refused at the first byte that
/// proves them, which lets a fragmented text message fail before its last fragment arrives.
/// A sequence cut at the end of one chunk simply continues into the next.
struct UTF8Validator: Sendable, Equatable {
    /// Continuation bytes still owed by the sequence in progress (0 between characters).
    private var pending: UInt8 = 0
    /// The range the next continuation byte must fall in; only the second byte of some
    /// sequences is narrower than 0x80...0xBF.
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// A validator at the start of a text.
    init() {}

    /// Whether the bytes seen so far end between characters (no sequence cut off).
    var isComplete: Bool { pending == 0 }

    /// Checks the next chunk; false at the first ill-formed byte (the validator is then spent).
    mutating func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if pending == 0 {
                // Eight ASCII bytes at a time: the common case for JSON feeds.
                while index + 8 <= count,
                      UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                let byte = base[index]
                index += 1
                if byte < 0x80 { continue }
                guard start(byte) else { return false }
            } else {
                let byte = base[index]
                index += 1
                guard byte >= lower, byte <= upper else { return false }
                pending -= 1
                lower = 0x80
                upper = 0xBF
            }
        }
        return true
    }

    /// Checks a whole array (convenience for the decoder and tests).
    mutating func validate(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { validate($0) }
    }

    /// Begins a multi-byte sequence at its lead byte; false if no sequence starts with it.
    private mutating func start(_ lead: UInt8) -> Bool {
        switch lead {
        case 0xC2...0xDF: pending = 1
        case 0xE0: pending = 2; lower = 0xA0  // below A0 would be overlong
        case 0xE1...0xEC, 0xEE...0xEF: pending = 2
        case 0xED: pending = 2; upper = 0x9F  // A0 and above would be a surrogate
        case 0xF0: pending = 3; lower = 0x90  // below 90 would be overlong
        case 0xF1...0xF3: pending = 3
        case 0xF4: pending = 3; upper = 0x8F  // 90 and above would pass U+10FFFF
        default: return false  // continuation byte, C0/C1 (overlong) or F5 and up
        }
        return true
    }
}
