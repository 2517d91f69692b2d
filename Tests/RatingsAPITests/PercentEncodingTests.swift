import Testing
@testable import RatingsAPI

/// Percent-decoding of path segments and query components, and the encoding for `Link`.
@Suite struct PercentEncodingTests {
    private func decode(_ text: String, plus: Bool = true) -> String? {
        PercentEncoding.decode(Substring(text).utf8, plusAsSpace: plus)
    }

    @Test func escapesDecodeInEitherCase() {
        #expect(decode("BRK%2fB") == "BRK/B")
        #expect(decode("%41%62%E2%82%AC") == "Ab€")
        #expect(decode("plain") == "plain")
        #expect(decode("") == "")
    }

    @Test func plusIsASpaceOnlyInQueries() {
        #expect(decode("Goldman+Sachs") == "Goldman Sachs")
        #expect(decode("Goldman+Sachs", plus: false) == "Goldman+Sachs")
        #expect(decode("a%2Bb") == "a+b")
    }

    @Test(arguments: ["%", "%4", "%G0", "%0G", "abc%", "%%41", "%FF", "%C3", "%E2%28%A1", "%ED%A0%80"])
    func malformedEscapesOrInvalidUTF8AreRefused(text: String) {
        #expect(decode(text) == nil)
    }

    @Test func decodingASliceStaysWithinIt() {
        let text = "xx%41yy"
        let utf8 = text.utf8
        let slice = Substring(text)[utf8.index(utf8.startIndex, offsetBy: 2)..<utf8.index(utf8.startIndex, offsetBy: 5)].utf8
        #expect(PercentEncoding.decode(slice, plusAsSpace: true) == "A")
    }

    @Test func encodingKeepsReadableCharactersAndRoundTrips() {
        #expect(PercentEncoding.encodeComponent("upgrade,downgrade") == "upgrade,downgrade")
        #expect(PercentEncoding.encodeComponent("2024-10-04T10:00:00+02:00") == "2024-10-04T10:00:00%2B02:00")
        #expect(PercentEncoding.encodeComponent("a b&c=d#é") == "a%20b%26c%3Dd%23%C3%A9")
        for text in ["Goldman Sachs", "A+B", "x&y=z", "é€😀", "%41"] {
            #expect(decode(PercentEncoding.encodeComponent(text)) == text)
        }
    }
}
