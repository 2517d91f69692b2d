@testable import Feeds
import Testing

@Suite struct StringInternerTests {
    private static func string(_ interner: StringInterner, _ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { interner.string($0) }
    }

    /// Where a native string keeps its bytes: equal for two strings sharing one storage.
    private static func storage(_ string: String) -> UnsafePointer<UInt8>? {
        string.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }

    @Test func aRepeatedLongValueIsTheSameStorage() {
        let interner = StringInterner()
        let url = Array("https://www.benzinga.com/quote/AAPL/analyst-ratings".utf8)
        let first = Self.string(interner, url)
        let second = Self.string(interner, url)
        #expect(first == "https://www.benzinga.com/quote/AAPL/analyst-ratings")
        #expect(second == first)
        #expect(Self.storage(first) != nil)
        #expect(Self.storage(first) == Self.storage(second))
    }

    @Test func shortValuesAndEmptyTextAreMadeAsTheyAre() {
        let interner = StringInterner()
        #expect(Self.string(interner, Array("Deutsche Bank".utf8)) == "Deutsche Bank")
        #expect(Self.string(interner, Array("0123456789abcde".utf8)) == "0123456789abcde")
        #expect(Self.string(interner, []) == "")
    }

    @Test func valuesSharingASlotReplaceEachOtherWithoutMixingUp() {
        // Two slots: with hundreds of values most land on an occupied slot.
        let interner = StringInterner(slotCount: 1)
        let values = (0..<300).map { "Analyst Name Number \($0) of the firm" }
        for _ in 0..<2 {
            for value in values {
                #expect(Self.string(interner, Array(value.utf8)) == value)
            }
        }
    }

    @Test func valuesOfTheSameLengthDifferingInOneByteStayApart() {
        let interner = StringInterner()
        let first = Self.string(interner, Array("507c36feef8950649423fae8".utf8))
        let second = Self.string(interner, Array("507c36feef8950649423fae9".utf8))
        #expect(first == "507c36feef8950649423fae8")
        #expect(second == "507c36feef8950649423fae9")
    }

    @Test func malformedUTF8IsRepairedLikeStringDecoding() {
        let interner = StringInterner()
        let bytes: [UInt8] = Array("a long enough value ".utf8) + [0xFF, 0xC3]
        let expected = String(decoding: bytes, as: UTF8.self)
        #expect(Self.string(interner, bytes) == expected)
        #expect(Self.string(interner, bytes) == expected)
    }
}
