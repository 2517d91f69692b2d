import Foundation
import Testing
import LiveState

@Suite struct JSONWriterTests {
    private func rendered(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func escapesQuotesAndBackslashes() {
        #expect(rendered { $0.string(#"say "hi" \ bye"#) } == #""say \"hi\" \\ bye""#)
    }

    @Test func escapesShortFormControlCharacters() {
        #expect(rendered { $0.string("a\nb\rc\td") } == #""a\nb\rc\td""#)
    }

    @Test func escapesOtherControlCharactersAsUnicodeEscapes() {
        #expect(rendered { $0.string("\u{0}\u{1}\u{8}\u{C}\u{1F}") } == #""\u0000\u0001\u0008\u000c\u001f""#)
    }

    @Test func leavesDeleteAndSlashAndNonASCIIUnescaped() {
        #expect(rendered { $0.string("a/b\u{7F}é日本🚀") } == "\"a/b\u{7F}é日本🚀\"")
    }

    @Test func escapesJavaScriptLineSeparators() {
        #expect(rendered { $0.string("a\u{2028}b\u{2029}c") } == #""a\u2028b\u2029c""#)
    }

    @Test func escapedStringsParseBackToTheOriginal() throws {
        let original = "x\"\\\u{0}\u{1F}\n\u{2028}é🚀 end"
        let json = rendered { $0.raw("["); $0.string(original); $0.raw("]") }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(parsed == [original])
    }

    @Test func escapesEveryControlCharacterAndParsesBack() throws {
        var original = "\"\\/é€😀"
        for scalar in 0..<0x20 { original.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        original += "\u{7F}"
        let text = rendered { $0.string(original) }
        #expect(text.hasPrefix(#""\"\\/é€😀\u0000\u0001"#))
        #expect(text.contains(#"\u0008\t\n\u000b\u000c\r\u000e"#))
        #expect(text.hasSuffix("\\u001f\u{7F}\""))
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == original)
    }

    @Test func escapesMemberNamesThatAreNotLiterals() {
        #expect(rendered { $0.byte(UInt8(ascii: "{")); $0.key(escaping: "a\"b"); $0.integer(1); $0.byte(UInt8(ascii: "}")) }
            == #"{"a\"b":1}"#)
    }

    @Test func rendersArraysOfStringsAndOfPreRenderedValues() {
        #expect(rendered { $0.stringArray([]) } == "[]")
        #expect(rendered { $0.stringArray(["a", "b\n"]) } == #"["a","b\n"]"#)
        #expect(rendered { $0.rawArray([]) } == "[]")
        #expect(rendered { $0.rawArray([Array(#"{"x":1}"#.utf8), Array("null".utf8)]) } == #"[{"x":1},null]"#)
    }

    @Test func writesNumberLiteralsVerbatim() {
        #expect(rendered { $0.numberLiteral("195.50"); $0.comma(); $0.numberLiteral("1e999") } == "195.50,1e999")
    }

    @Test(arguments: [(Int64(-1500), "-1.5"), (120, "0.12"), (1_001, "1.001"), (0, "0"), (12_500, "12.5"),
                      (3_000, "3"), (-120, "-0.12"), (Int64.min, "-9223372036854775.808")])
    func rendersSecondsFromMillisecondsWithoutTrailingZeros(milliseconds: Int64, expected: String) {
        #expect(rendered { $0.seconds(milliseconds: milliseconds) } == expected)
    }

    @Test func rendersAbsentValuesAsNull() {
        #expect(rendered { $0.string(nil); $0.comma(); $0.double(nil); $0.comma(); $0.integer(Int?.none); $0.comma(); $0.timestamp(nil); $0.comma(); $0.count(nil) }
            == "null,null,null,null,null")
    }

    @Test func rendersIntegersExactlyIncludingExtremes() {
        #expect(rendered { $0.integer(0) } == "0")
        #expect(rendered { $0.integer(7) } == "7")
        #expect(rendered { $0.integer(-42) } == "-42")
        #expect(rendered { $0.integer(Int64.max) } == "9223372036854775807")
        #expect(rendered { $0.integer(Int64.min) } == "-9223372036854775808")
        #expect(rendered { $0.integer(1_000_000) } == "1000000")
        #expect(rendered { $0.integer(Int.min) } == "-9223372036854775808")
        #expect(rendered { $0.integer(Int.max) } == "9223372036854775807")
    }

    @Test func rendersDoublesInShortestRoundTripForm() {
        #expect(rendered { $0.double(200) } == "200.0")
        #expect(rendered { $0.double(11.11) } == "11.11")
        #expect(rendered { $0.double(0.1 + 0.2) } == "0.30000000000000004")
        #expect(rendered { $0.double(-3.5) } == "-3.5")
        #expect(rendered { $0.double(1e-7) } == "1e-07")
        #expect(rendered { $0.double(1e300) } == "1e+300")
    }

    @Test func writesDoublesExactlyAsDescriptionDoesWithOrWithoutTheFastPath() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.01, 0.05, 0.1, 0.5, 1, 9.99, 10.5, 100, 663, 689.99, 12_345.67, -3.5, -0.01,
                                9_999_999_999_999.99, 1e13, 1e13 + 0.01, 0.001, 0.015, 1.005, 2.675, 1e-7, 1e300, 123.456]
        for _ in 0..<2_000 {
            values.append(Double(Int64.random(in: -10_000_000...10_000_000, using: &generator)) / 100)
            values.append(Double.random(in: -1e6...1e6, using: &generator))
            values.append(Double(Int64.random(in: 0...Int64(1e15), using: &generator)) / 100)
        }
        for value in values {
            #expect(rendered { $0.double(value) } == value.description, "\(value)")
            let count = rendered { $0.count(value) }
            if value.rounded(.towardZero) != value { #expect(count == value.description, "\(value)") }
        }
    }

    @Test func aCopiedWriterKeepsItsOwnBytes() {
        var first = JSONWriter(capacity: 16)
        first.raw("[1")
        var second = first
        first.raw(",2]")
        second.raw(",3,4,5,6,7,8,9,10,11,12,13,14,15]")
        #expect(String(decoding: first.bytes, as: UTF8.self) == "[1,2]")
        #expect(String(decoding: second.bytes, as: UTF8.self) == "[1,3,4,5,6,7,8,9,10,11,12,13,14,15]")
        second.bytes = Array("{}".utf8)
        second.raw(" ")
        #expect(String(decoding: second.bytes, as: UTF8.self) == "{} ")
    }

    @Test func rendersNonFiniteDoublesAsNull() {
        #expect(rendered { $0.double(.nan) } == "null")
        #expect(rendered { $0.double(.infinity) } == "null")
        #expect(rendered { $0.count(-.infinity) } == "null")
    }

    @Test func rendersIntegralCountsAsIntegersAndFractionsAsDoubles() {
        #expect(rendered { $0.count(15) } == "15")
        #expect(rendered { $0.count(0) } == "0")
        #expect(rendered { $0.count(-3) } == "-3")
        #expect(rendered { $0.count(12.5) } == "12.5")
        #expect(rendered { $0.count(1e20) } == "1e+20")
    }

    @Test func everyNumberFormIsValidJSON() throws {
        let json = rendered { w in
            w.raw("[")
            for (index, value) in [200, 11.11, 1e-7, 1e300, -0.0, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude].enumerated() {
                if index > 0 { w.comma() }
                w.double(value)
            }
            w.raw("]")
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Double]
        #expect(parsed?.count == 7)
        #expect(parsed?[2] == 1e-7)
    }

    @Test func rendersTimestampsAsQuotedRFC3339() {
        #expect(rendered { $0.timestamp(Timestamp(millisecondsSinceEpoch: 1_728_069_666_000)) } == #""2024-10-04T19:21:06Z""#)
        #expect(rendered { $0.timestamp(Timestamp(millisecondsSinceEpoch: 1_728_069_666_120)) } == #""2024-10-04T19:21:06.120Z""#)
    }

    @Test func rendersKeysBooleansAndRawBytes() {
        #expect(rendered { $0.byte(UInt8(ascii: "{")); $0.key("a"); $0.bool(true); $0.comma(); $0.key("b"); $0.bool(false); $0.raw([UInt8(ascii: "}")]) }
            == #"{"a":true,"b":false}"#)
    }
}
