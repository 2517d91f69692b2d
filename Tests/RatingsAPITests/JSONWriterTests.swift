import Foundation
import LiveState
import Testing
@testable import RatingsAPI

/// The byte-level JSON writer: separators, escaping and numbers.
@Suite struct JSONWriterTests {
    private func render(_ build: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        build(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func commasGoBetweenMembersAndElementsOnly() {
        let text = render { w in
            w.beginObject()
            w.key("a"); w.beginArray(); w.integer(1); w.beginObject(); w.endObject(); w.beginArray(); w.endArray(); w.null(); w.endArray()
            w.key("b"); w.beginObject(); w.key("c"); w.bool(true); w.key("d"); w.bool(false); w.endObject()
            w.key("e"); w.raw(Array(#"{"x":1}"#.utf8))
            w.key("f"); w.string(nil as String?)
            w.endObject()
        }
        #expect(text == #"{"a":[1,{},[],null],"b":{"c":true,"d":false},"e":{"x":1},"f":null}"#)
    }

    @Test func stringsEscapeQuotesBackslashesAndEveryControlCharacter() throws {
        var original = "\"\\/é€😀"
        for scalar in 0..<0x20 { original.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        original += "\u{7F}"
        let text = render { $0.string(original) }
        #expect(text.hasPrefix(#""\"\\/é€😀\u0000\u0001"#))
        #expect(text.contains(#"\b\t\n\u000b\f\r\u000e"#))
        #expect(text.hasSuffix(#"\u001f\u007f""#))
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == original)
    }

    @Test(arguments: [(0, "0"), (7, "7"), (-42, "-42"), (1_000_000, "1000000"), (Int.min, "-9223372036854775808"),
                      (Int.max, "9223372036854775807")])
    func integersRenderInDecimal(value: Int, expected: String) {
        #expect(render { $0.integer(value) } == expected)
    }

    @Test(arguments: [(Int64(-1500), "-1.5"), (120, "0.12"), (1_001, "1.001")])
    func secondsRenderWithoutTrailingZeros(milliseconds: Int64, expected: String) {
        #expect(render { $0.seconds(milliseconds: milliseconds) } == expected)
    }

    @Test func timestampsAreRFC3339StringsOrNull() {
        let text = render { w in
            w.beginArray(); w.timestamp(Timestamp(millisecondsSinceEpoch: 0)); w.timestamp(nil); w.endArray()
        }
        #expect(text == #"["1970-01-01T00:00:00Z",null]"#)
    }
}
