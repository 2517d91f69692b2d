@testable import Feeds
import LiveState
import Testing

@Suite struct FeedDecoderTests {
    @Test func refusesAMessageOverTheSizeLimitBeforeParsingIt() {
        let limits = FeedLimits(maxMessageBytes: 64)
        let text = Decoding.ratingMessage(content: #""ticker":"AAPL""#)
        let failure = Decoding.failure(text, .ratings, limits: limits)
        #expect(failure == DecodeFailure(.tooLarge, "message is \(text.utf8.count) bytes, over the limit of 64"))
        #expect(Decoding.failure(text, .ratings, limits: FeedLimits(maxMessageBytes: text.utf8.count)) == nil)
    }

    @Test func refusesEmptyAndWhitespaceOnlyMessages() {
        #expect(Decoding.failure("", .ratings) == DecodeFailure(.empty, "empty message"))
        #expect(Decoding.failure(" \r\n\t", .consensus) == DecodeFailure(.empty, "empty message"))
    }

    @Test func refusesTopLevelValuesThatAreNotObjects() {
        #expect(Decoding.failure("[1,2]", .ratings) == DecodeFailure(.notAnObject, "expected a JSON object at the top level, got an array"))
        #expect(Decoding.failure("42", .insights) == DecodeFailure(.notAnObject, "expected a JSON object at the top level, got 42"))
    }

    @Test func reportsInvalidJSONWithItsByteOffset() {
        let failure = Decoding.failure(#"{"id":"e","data":{"action":x}}"#, .ratings)
        #expect(failure == DecodeFailure(.invalidJSON, "not valid JSON at byte 27: unexpected 'x' where a value should start"))
    }

    @Test func reportsEveryTruncationOfAGoodMessageWithoutCrashing() {
        let bytes = Array(DocumentedExamples.rating.utf8)
        for length in 0..<bytes.count {
            let result = FeedDecoder().decode(Array(bytes[0..<length]), source: .ratings)
            guard case .failure(let failure) = result else {
                Issue.record("a truncation to \(length) bytes decoded")
                continue
            }
            #expect([.empty, .invalidJSON].contains(failure.category), "\(length): \(failure.reason)")
        }
    }

    @Test func refusesNestingBeyondTheDepthLimit() {
        let failure = Decoding.failure(String(repeating: "[", count: 100_000), .ratings)
        #expect(failure?.category == .tooDeep)
    }

    @Test func requiresDataAsAnObject() {
        #expect(Decoding.failure(#"{"id":"e","kind":"k"}"#, .ratings) == DecodeFailure(.missingField, "data is missing"))
        #expect(Decoding.failure(#"{"id":"e","data":null}"#, .ratings) == DecodeFailure(.missingField, "data is missing"))
        #expect(Decoding.failure(#"{"id":"e","data":"created"}"#, .insights) == DecodeFailure(.wrongType, #"data: expected an object, got "created""#))
    }

    @Test func keepsTheEnvelopeIDAndAcceptsItsAbsence() throws {
        let text = #"{"data":{"action":"created","id":"r1","content":{"ticker":"AAPL"}}}"#
        #expect(try Decoding.decode(text, .ratings).get().envelopeID == nil)
        let control = #"{"id":"a\u0000b","data":{"action":"created","id":"r1","content":{"ticker":"AAPL"}}}"#
        #expect(Decoding.failure(control, .ratings) == DecodeFailure(.invalidValue, "id contains a control character"))
    }

    @Test func ignoresKindAndApiVersion() throws {
        let text = #"{"id":"e","api_version":"websocket/v9","kind":"data/v1/consensus","data":{"action":"created","id":"r1","content":{"ticker":"AAPL"}}}"#
        #expect(try Decoding.decode(text, .ratings).get().source == .ratings)
    }

    @Test func acceptsAUTF8ByteOrderMarkNowhere() {
        let text = "\u{FEFF}" + Decoding.ratingMessage(content: #""ticker":"AAPL""#)
        #expect(Decoding.failure(text, .ratings)?.category == .invalidJSON)
    }
}
