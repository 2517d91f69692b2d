@testable import Feeds
import Testing

@Suite struct JSONParserTests {
    private func parse(_ text: String, maxDepth: Int = 32) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(maxDepth: maxDepth)
        return try parser.parse(Array(text.utf8))
    }

    private func parse(bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser()
        return try parser.parse(bytes)
    }

    private func failure(_ text: String, maxDepth: Int = 32) -> JSONParseError? {
        failure(bytes: Array(text.utf8), maxDepth: maxDepth)
    }

    private func failure(bytes: [UInt8], maxDepth: Int = 32) -> JSONParseError? {
        var parser = JSONParser(maxDepth: maxDepth)
        do { _ = try parser.parse(bytes) } catch { return error }
        return nil
    }

    @Test func parsesObjectsKeepingMemberOrderAndDuplicates() throws {
        let value = try parse(#"{"b":1,"a":[true,false,null],"b":"x"}"#)
        let object = try #require(value.objectValue)
        #expect(object.members.map(\.key) == ["b", "a", "b"])
        #expect(object.lookup(JSONKey("b")) == .duplicated)
        #expect(object.lookup(JSONKey("a")) == .found(.array([.bool(true), .bool(false), .null])))
        #expect(object.lookup(JSONKey("c")) == .absent)
    }

    @Test func acceptsAllFourWhitespaceBytesAroundEveryToken() throws {
        let value = try parse(" \t\r\n{ \"a\" \n:\t[ 1 ,\r2 ] } \n")
        #expect(value == .object(JSONObject(members: [JSONMember(key: "a", value: .array([.number(JSONNumber(literal: "1")), .number(JSONNumber(literal: "2"))]))])))
    }

    @Test func decodesEveryEscape() throws {
        let value = try parse(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC""#)
        #expect(value == .string("\" \\ / \u{08} \u{0C} \n \r \t A é €"))
    }

    @Test func joinsSurrogatePairsIntoOneScalar() throws {
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try parse(#""a\uD834\uDD1Eb""#) == .string("a𝄞b"))
    }

    @Test func refusesLoneSurrogates() {
        #expect(failure(#""\ud83d""#)?.kind == .encoding)
        #expect(failure(#""\ud83d\u0041""#)?.kind == .encoding)
        #expect(failure(#""\ude00""#)?.kind == .encoding)
    }

    @Test func refusesUnknownEscapesAndShortUnicodeEscapes() {
        #expect(failure(#""\x41""#)?.kind == .syntax)
        #expect(failure(#""\u12""#)?.kind == .syntax)
        #expect(failure(#""\u12G4""#)?.kind == .syntax)
    }

    @Test func keepsMultiByteUTF8AndRefusesInvalidSequences() throws {
        #expect(try parse("\"Société Générale ✓ 😀\"") == .string("Société Générale ✓ 😀"))
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3], [0xE2, 0x82]] {
            let error = failure(bytes: [0x22] + bad + [0x22])
            #expect(error?.kind == .encoding, "bytes \(bad)")
            #expect(error?.offset ?? 0 >= 1)
        }
    }

    @Test func refusesRawControlCharactersInsideStrings() {
        let error = failure(bytes: Array("\"a".utf8) + [0x00] + Array("b\"".utf8))
        #expect(error?.kind == .syntax)
        #expect(error?.offset == 2)
        #expect(failure("\"a\nb\"") != nil)
    }

    @Test func keepsNumberLiteralsAndConvertsOnDemand() throws {
        #expect(try parse("-0") == .number(JSONNumber(literal: "-0")))
        let big = try parse("123456789012345678901234567890")
        guard case .number(let number) = big else { Issue.record("not a number"); return }
        #expect(number.int64 == nil)
        #expect(number.double == 1.2345678901234568e29)
        guard case .number(let huge) = try parse("1e999") else { Issue.record("not a number"); return }
        #expect(huge.double == .infinity)
        guard case .number(let fraction) = try parse("2.5E-3") else { Issue.record("not a number"); return }
        #expect(fraction.double == 0.0025)
        #expect(!fraction.isIntegerLiteral)
    }

    @Test func refusesNumbersOutsideTheGrammar() {
        for text in ["01", "+1", "1.", ".5", "1e", "1e+", "-", "NaN", "Infinity", "0x10", "1.5.2"] {
            #expect(failure(text) != nil, "\(text)")
        }
    }

    @Test func refusesTrailingGarbageAfterTheValue() {
        let error = failure(#"{"a":1} x"#)
        #expect(error?.kind == .syntax)
        #expect(error?.offset == 8)
        #expect(failure(#"{"a":1}{"#) != nil)
    }

    @Test func reportsTruncationAtTheEndOfInput() {
        let text = #"{"a":[1,2"#
        let error = failure(text)
        #expect(error?.offset == text.utf8.count)
        #expect(error?.description == "not valid JSON at byte 9: the message ends early inside an array")
        #expect(failure(#"{"a""#) != nil)
        #expect(failure(#"{"a":"#) != nil)
        #expect(failure("tru") != nil)
        #expect(failure("") != nil)
    }

    @Test func namesTheOffendingByteAndOffset() {
        #expect(failure(#"{"a" 1}"#)?.description == "not valid JSON at byte 5: expected ':' but found '1'")
        #expect(failure(#"{"a":1 "b":2}"#)?.description == #"not valid JSON at byte 7: expected ',' or '}' but found '"'"#)
        #expect(failure("{1:2}")?.description == "not valid JSON at byte 1: expected a member name in double quotes but found '1'")
    }

    @Test func refusesNestingBeyondTheDepthLimitWithoutRecursing() {
        #expect((try? parse(String(repeating: "[", count: 4) + String(repeating: "]", count: 4), maxDepth: 4)) != nil)
        let error = failure(String(repeating: "[", count: 5) + String(repeating: "]", count: 5), maxDepth: 4)
        #expect(error?.kind == .tooDeep)
        #expect(error?.offset == 4)
        let hostile = failure(String(repeating: "[", count: 100_000))
        #expect(hostile?.kind == .tooDeep)
        #expect(failure(String(repeating: #"{"a":"#, count: 10_000))?.kind == .tooDeep)
    }

    @Test func parsesEmptyContainersAndScalarsAtTopLevel() throws {
        #expect(try parse("{}") == .object(JSONObject()))
        #expect(try parse("[]") == .array([]))
        #expect(try parse("null") == .null)
        #expect(try parse(" true ") == .bool(true))
        #expect(try parse("\"\"") == .string(""))
    }

    @Test func writerRoundTripsValuesInTheirShape() throws {
        let text = #"{"id":"x","n":195.50,"big":1e999,"s":"a\"b\\c\n\u0001é","arr":[1,{"k":null}],"t":true}"#
        let value = try parse(text)
        let written = value.jsonBytes
        #expect(String(decoding: written, as: UTF8.self) == #"{"id":"x","n":195.50,"big":1e999,"s":"a\"b\\c\n\u0001é","arr":[1,{"k":null}],"t":true}"#)
        #expect(try parse(bytes: written) == value)
    }

    @Test func findsEverySpecialByteAtEveryPositionOfTheEightByteFastPath() throws {
        for length in 0..<24 {
            for position in 0...length {
                let before = String(repeating: "a", count: position)
                let after = String(repeating: "b", count: length - position)
                #expect(try parse("\"" + before + "\\n" + after + "\"") == .string(before + "\n" + after))
                #expect(try parse("\"" + before + "é" + after + "\"") == .string(before + "é" + after))
                #expect(try parse("\"" + before + "\"") == .string(before))
                let control = failure(bytes: Array(("\"" + before).utf8) + [0x1F] + Array((after + "\"").utf8))
                #expect(control?.offset == position + 1)
                let high = failure(bytes: Array(("\"" + before).utf8) + [0xFF] + Array((after + "\"").utf8))
                #expect(high?.offset == position + 1)
            }
        }
    }

    @Test func reusesKnownKeysAndStillReadsUnknownAndEscapedOnes() throws {
        var parser = JSONParser(knownKeys: JSONKeyTable(["ticker", "adjusted_pt_current"]))
        let value = try parser.parse(Array(#"{"ticker":1,"adjusted_pt_current":2,"tickers":3,"tick\u0065r":4,"":5}"#.utf8))
        let object = try #require(value.objectValue)
        #expect(object.members.map(\.key) == ["ticker", "adjusted_pt_current", "tickers", "ticker", ""])
        #expect(object.members.map(\.keyHash) == object.members.map { JSONKey.hash(of: $0.key) })
        #expect(object.lookup(JSONKey("ticker")) == .duplicated)
    }
}
