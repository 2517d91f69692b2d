@testable import Feeds
import Testing

@Suite struct JSONKeyTests {
    @Test func hashesEveryFeedKeyNameApart() {
        let names = FeedKeys.table.names
        #expect(Set(names.map { JSONKey.hash(of: $0) }).count == names.count)
    }

    @Test func hashesZeroPaddingAndLengthsApart() {
        let texts = ["", "\u{0}", "\u{0}\u{0}", "a", "a\u{0}", "abcdefgh", "abcdefgh\u{0}", "abcdefghi", "abcdefgi", "tickes", "ticker"]
        #expect(Set(texts.map { JSONKey.hash(of: $0) }).count == texts.count)
    }

    @Test func hashesBytesAndStringsAlike() {
        for name in ["", "id", "adjusted_pt_current", "société", "exactly8", "sixteen_bytes_ok"] {
            let fromBytes = Array(name.utf8).withUnsafeBufferPointer { JSONKey.hash(of: $0) }
            #expect(fromBytes == JSONKey.hash(of: name))
            #expect(JSONKey(name).hash == fromBytes)
            #expect(JSONKey(name).utf8 == Array(name.utf8))
        }
    }
}
