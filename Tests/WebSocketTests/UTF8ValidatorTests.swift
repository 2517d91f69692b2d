import Testing
@testable import WebSocket

/// The incremental validator against Unicode's well-formed byte sequences.
struct UTF8ValidatorTests {
    static let wellFormed: [[UInt8]] = [
        [0x00], [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
        [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        Array("Hello, мир, 世界, 🎉, and plenty of ASCII to cross the eight-byte fast path".utf8),
    ]

    static let illFormed: [[UInt8]] = [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF],  // lone continuation, overlong 2-byte
        [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],  // overlong 3-byte
        [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],  // overlong 4-byte
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],  // surrogates U+D800, U+DFFF
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFE], [0xFF],  // above U+10FFFF
        [0xC3, 0x41], [0xE2, 0x82, 0x41],  // sequence interrupted by ASCII
        Array("valid ASCII for a while, then".utf8) + [0xC0, 0xAF],
    ]

    @Test(arguments: wellFormed)
    func acceptsWellFormedSequences(_ input: [UInt8]) {
        var validator = UTF8Validator()
        let valid = validator.validate(input)
        #expect(valid && validator.isComplete)
    }

    @Test(arguments: illFormed)
    func refusesIllFormedSequences(_ input: [UInt8]) {
        var validator = UTF8Validator()
        let valid = validator.validate(input)
        #expect(!valid)
    }

    @Test(arguments: wellFormed + illFormed)
    func givesTheSameAnswerForEverySplitPoint(_ input: [UInt8]) {
        var whole = UTF8Validator()
        let expected = whole.validate(input) && whole.isComplete
        for cut in 0...input.count {
            var split = UTF8Validator()
            let result = split.validate(Array(input[..<cut])) && split.validate(Array(input[cut...])) && split.isComplete
            #expect(result == expected, "cut at \(cut)")
        }
    }

    @Test func aTruncatedSequenceIsValidSoFarButIncomplete() {
        var validator = UTF8Validator()
        let start = validator.validate([0x41, 0xF0, 0x9F, 0x8E])
        #expect(start && !validator.isComplete)
        let end = validator.validate([0x89])
        #expect(end && validator.isComplete)
    }
}
