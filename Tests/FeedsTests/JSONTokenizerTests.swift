@testable import Feeds
import LiveState
import Testing
import TestSupport

@Suite struct JSONTokenizerTests {
    /// Runs `body` with the tape of `text` and a view over its bytes.
    private func withTape<Result>(_ text: String, maxDepth: Int = 32, _ body: (JSONTapeView) -> Result) throws -> Result {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { input in
            var tokenizer = JSONTokenizer(maxDepth: maxDepth)
            let tape = try tokenizer.tokenize(input)
            return tape.withView(over: input) { body($0) }
        }
    }

    private func failure(bytes: [UInt8], maxDepth: Int = 32) -> JSONParseError? {
        bytes.withUnsafeBufferPointer { input in
            var tokenizer = JSONTokenizer(maxDepth: maxDepth)
            do throws(JSONParseError) { _ = try tokenizer.tokenize(input) } catch { return error }
            return nil
        }
    }

    private func failure(_ text: String, maxDepth: Int = 32) -> JSONParseError? {
        failure(bytes: Array(text.utf8), maxDepth: maxDepth)
    }

    @Test func aReusedTapeReadsLikeAFreshOneAfterALargerAndAFailedDocument() throws {
        let documents = [#"{"a":[1,2,3,{"b":"x\\ny"}],"c":{"d":null,"e":"\u00e9"}}"#, #"{"a":"#, #"{"z":true,"y":[]}"#]
        var tokenizer = JSONTokenizer()
        var reused = JSONTape()
        var values: [JSONValue?] = []
        for text in documents {
            let bytes = Array(text.utf8)
            values.append(bytes.withUnsafeBufferPointer { input -> JSONValue? in
                do throws(JSONParseError) {
                    try tokenizer.tokenize(input, into: &reused)
                } catch {
                    return nil
                }
                return reused.withView(over: input) { $0.value(0, trimming: false) }
            })
        }
        let fresh = try withTape(documents[2]) { $0.value(0, trimming: false) }
        #expect(values[1] == nil)
        #expect(values[2] == fresh)
        #expect(values[0] == (try withTape(documents[0]) { $0.value(0, trimming: false) }))
    }

    @Test func recordsEveryValueInDocumentOrderWithItsSubtreeEnd() throws {
        try withTape(#"{"a":1,"b":[true,null,false],"c":{"d":"x"},"e":-2.5e3}"#) { view in
            #expect(view.entries.map(\.kind) == [.object, .number, .array, .true, .null, .false, .object, .string, .number])
            #expect(view.entries.map(\.next) == [9, 2, 6, 4, 5, 6, 8, 8, 9])
            #expect(view.entries[0].end == view.input.count)
            #expect(String(decoding: view.keyBytes(6), as: UTF8.self) == "c")
            #expect(view.keyBytes(3).isEmpty)
            #expect(view.string(7, trimming: false) == "x")
            #expect(view.double(8) == -2500)
        }
    }

    @Test func looksMembersUpByNameAndNoticesDuplicates() throws {
        try withTape(#"{"a":{"a":1},"b":2,"\u0062":3,"tick\u0065r":"T"}"#) { view in
            #expect(view.lookup(JSONKey("a"), in: 0) == .found(1))
            #expect(view.lookup(JSONKey("a"), in: 1) == .found(2))
            #expect(view.lookup(JSONKey("b"), in: 0) == .duplicated)
            #expect(view.lookup(JSONKey("ticker"), in: 0) == .found(5))
            #expect(view.lookup(JSONKey("c"), in: 0) == .absent)
            #expect(view.entries[5].keyIsDecoded)
        }
    }

    @Test func comparesNamesByBytesWhenHashesCollide() throws {
        // A forged entry whose hash is that of another name must not be found under it.
        try withTape(#"{"tickes":1}"#) { view in
            var entries = Array(view.entries)
            entries[1].keyHash = JSONKey.hash(of: "ticker")
            let forged = entries.withUnsafeBufferPointer { JSONTapeView(input: view.input, entries: $0, decoded: view.decoded, memberIndex: view.memberIndex).lookup(JSONKey("ticker"), in: 0) }
            #expect(forged == .absent)
        }
    }

    @Test func leavesPlainStringsInPlaceAndDecodesEscapedOnesOnce() throws {
        try withTape(#"["plain é",  "\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC", "\ud83d\ude00x", "  pad  "]"#) { view in
            #expect(!view.entries[1].valueIsDecoded)
            #expect(view.string(1, trimming: false) == "plain é")
            #expect(view.entries[2].valueIsDecoded)
            #expect(view.string(2, trimming: false) == "\" \\ / \u{08} \u{0C} \n \r \t A é €")
            #expect(view.string(3, trimming: false) == "😀x")
            #expect(view.string(4, trimming: true) == "pad")
            #expect(view.string(4, trimming: false) == "  pad  ")
        }
    }

    @Test func refusesLoneSurrogatesAndBadEscapesWithTheirOffsets() {
        #expect(failure(#"["\ud83d"]"#).map { ($0.kind, $0.offset) } ?? (.syntax, -1) == (.encoding, 2))
        #expect(failure(#""\ud83d\u0041""#)?.kind == .encoding)
        #expect(failure(#""\ude00""#)?.kind == .encoding)
        #expect(failure(#""\x41""#).map { ($0.kind, $0.offset) } ?? (.encoding, -1) == (.syntax, 2))
        #expect(failure(#""\u12""#)?.kind == .syntax)
    }

    @Test func acceptsAllFourWhitespaceBytesAroundEveryToken() throws {
        try withTape(" \t\r\n{ \"a\" \n:\t[ 1 ,\r2 ] ,\"b\"\r:\n\"x\"\t} \n") { view in
            #expect(view.entries.map(\.kind) == [.object, .array, .number, .number, .string])
            #expect(view.lookup(JSONKey("b"), in: 0) == .found(4))
            #expect(view.int64(3) == 2)
        }
    }

    @Test func keepsNumberLiteralsAsTheirBytes() throws {
        try withTape("[0,-0,123456789012345678901234567890,1e999,2.5E-3,9223372036854775807,-9223372036854775808,9223372036854775808]") { view in
            let literals = (1..<view.entries.count).map { String(decoding: view.bytes($0), as: UTF8.self) }
            #expect(literals == ["0", "-0", "123456789012345678901234567890", "1e999", "2.5E-3", "9223372036854775807",
                                 "-9223372036854775808", "9223372036854775808"])
            #expect(view.int64(3) == nil)
            #expect(view.double(3) == 1.2345678901234568e29)
            #expect(view.double(4) == .infinity)
            #expect(view.double(5) == 0.0025)
            #expect(view.int64(6) == .max)
            #expect(view.int64(7) == .min)
            #expect(view.int64(8) == nil)
            #expect(view.double(2)?.sign == .minus)
        }
    }

    @Test func refusesNestingBeyondTheLimitWithoutRecursing() throws {
        try withTape("[[[1]]]", maxDepth: 3) { #expect($0.entries.count == 4) }
        let error = failure("[[[[1]]]]", maxDepth: 3)
        #expect(error?.kind == .tooDeep)
        #expect(error?.offset == 3)
        #expect(failure(String(repeating: "[", count: 200_000))?.kind == .tooDeep)
        #expect(failure(String(repeating: #"{"a":"#, count: 50_000))?.kind == .tooDeep)
        // Empty containers count as a level too, as in `JSONParser`.
        #expect(failure("[[[[]]]]", maxDepth: 3)?.kind == .tooDeep)
    }

    @Test func agreesWithTheTreeParserOnEveryFixtureLine() throws {
        for source in FeedSource.allCases {
            for line in try FixtureFiles.lines(source) {
                var parser = JSONParser(trimsStrings: true)
                let tree = try parser.parse(line)
                let fromTape = try line.withUnsafeBufferPointer { input in
                    var tokenizer = JSONTokenizer()
                    return try tokenizer.tokenize(input).withView(over: input) { $0.value(0, trimming: true) }
                }
                #expect(fromTape == tree)
            }
        }
    }

    @Test func everyTruncationOfARealMessageFailsAtOrBeforeItsEnd() throws {
        for source in FeedSource.allCases {
            let line = try #require(try FixtureFiles.lines(source).first)
            for length in 0..<line.count {
                let prefix = Array(line[..<length])
                let error = failure(bytes: prefix)
                #expect(error != nil && error?.kind != .tooDeep && (error?.offset ?? .max) <= length, "\(source) cut at \(length)")
                let decoded = FeedDecoder().decode(prefix, source: source, resolveISIN: { _ in "AAPL" })
                guard case .failure(let failure) = decoded else {
                    Issue.record("\(source) cut at \(length) decoded")
                    continue
                }
                #expect(failure.category == (length == 0 ? .empty : .invalidJSON), "\(source) cut at \(length): \(failure)")
            }
        }
    }

    @Test func corruptedMessagesNeverCrashAndAgreeWithTheTreeParser() throws {
        var random = SplitMix64(seed: 0x5EED)
        let specials: [UInt8] = Array(#"{}[]":,\"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xED, 0xF4, 0xFF, UInt8(ascii: "u"), UInt8(ascii: "0")]
        for source in FeedSource.allCases {
            let line = try #require(try FixtureFiles.lines(source).first)
            for _ in 0..<600 {
                var mutated = line
                for _ in 0..<(1 + Int(random.next() % 3)) {
                    let position = Int(random.next() % UInt64(mutated.count))
                    mutated[position] = random.next() % 2 == 0 ? specials[Int(random.next() % UInt64(specials.count))] : UInt8(truncatingIfNeeded: random.next())
                }
                var parser = JSONParser()
                let treeError: JSONParseError? = { do throws(JSONParseError) { _ = try parser.parse(mutated); return nil } catch { return error } }()
                #expect(failure(bytes: mutated) == treeError)
                _ = FeedDecoder().decode(mutated, source: source, resolveISIN: { _ in "AAPL" })
            }
        }
    }
}
