@testable import Feeds
import Testing

@Suite struct DeadLetterExcerptTests {
    private func excerpt(_ bytes: [UInt8], limit: Int = 200) -> String {
        bytes.withUnsafeBufferPointer { DeadLetterExcerpt.make($0, limit: limit) }
    }

    @Test func keepsAShortMessageWhole() {
        #expect(excerpt(Array(#"{"a":1}"#.utf8)) == #"{"a":1}"#)
    }

    @Test func cutsALongMessageAndSaysSo() {
        #expect(excerpt(Array(repeating: UInt8(ascii: "x"), count: 1000)) == String(repeating: "x", count: 200) + "...")
    }

    @Test func neverCutsACharacterInHalf() {
        let bytes = Array(repeating: UInt8(ascii: "x"), count: 199) + Array("é€".utf8)
        #expect(excerpt(bytes) == String(repeating: "x", count: 199) + "...")
    }

    @Test func replacesInvalidUTF8AndControlCharacters() {
        #expect(excerpt([0x61, 0xFF, 0x00, 0x0A, 0x62]) == "a\u{FFFD}\u{FFFD}\u{FFFD}b")
    }
}
