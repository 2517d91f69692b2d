@testable import Feeds
import LiveState
import Testing

@Suite struct RatingMessageDecoderTests {
    @Test func decodesTheDocumentedExampleByteForByte() throws {
        let message = try Decoding.decode(DocumentedExamples.rating, .ratings).get()
        #expect(message.source == .ratings)
        #expect(message.envelopeID == "e9e75b31-604e-422c-a532-362725b2d59d")
        guard case .rating(let action, let rating) = message.change else { Issue.record("not a rating"); return }
        #expect(action == .created)
        var expected = Rating(id: "66fffdc08f3f630001a2ea51", ticker: "AAPL")
        expected.name = "Apple"
        expected.exchange = "NASDAQ"
        expected.date = "2024-10-04"
        expected.time = "10:37:52"
        expected.actionCompany = "Upgrades"
        expected.ratingCurrent = "Buy"
        expected.ratingPrior = "Neutral"
        expected.priceTargetCurrent = 200
        expected.priceTargetPrior = 180
        expected.firm = "Goldman Sachs"
        expected.firmID = "57f832ab6b87f600016fa383"
        expected.importance = 4
        expected.timestamp = Timestamp(rfc3339: "2024-10-04T19:21:06Z")
        #expect(rating == expected)
    }

    @Test func acceptsTheMessageActionInAnyLetterCase() throws {
        for (text, action) in [("created", ChangeAction.created), ("Created", .created), ("UPDATED", .updated), ("Updated", .updated), (" updated ", .updated)] {
            let (decoded, _) = try Decoding.rating(Decoding.ratingMessage(action: text, content: #""ticker":"AAPL""#))
            #expect(decoded == action)
        }
    }

    @Test func turnsADeleteIntoADeletionThatNeedsNoMoreThanTheID() throws {
        let bare = #"{"id":"e","api_version":"websocket/v1","kind":"k","data":{"action":"Deleted","id":"r9","timestamp":"2026-01-09T14:05:00Z"}}"#
        let message = try Decoding.decode(bare, .ratings).get()
        #expect(message.change == .ratingDeleted(id: "r9", updated: nil, timestamp: Timestamp(rfc3339: "2026-01-09T14:05:00Z")))
        let withContent = Decoding.ratingMessage(action: "deleted", id: "r9", content: #""id":"r9","ticker":"not a ticker!","importance":"high","updated":1767967500"#)
        #expect(try Decoding.decode(withContent, .ratings).get().change
            == .ratingDeleted(id: "r9", updated: Timestamp(millisecondsSinceEpoch: 1_767_967_500_000), timestamp: Timestamp(rfc3339: "2026-01-09T14:05:00Z")))
    }

    @Test func readsPriceTargetsFromStringsAndNumbersAndEmptyAsAbsent() throws {
        let (_, rating) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":"AAPL","pt_current":"200.00","pt_prior":"","adjusted_pt_current":195.5,"adjusted_pt_prior":" 181 ""#))
        #expect(rating.priceTargetCurrent == 200)
        #expect(rating.priceTargetPrior == nil)
        #expect(rating.adjustedPriceTargetCurrent == 195.5)
        #expect(rating.adjustedPriceTargetPrior == 181)
    }

    @Test func refusesPriceTargetsThatAreNotPrices() {
        let cases: [(String, DecodeFailure.Category)] = [
            (#""pt_current":{}"#, .wrongType), (#""pt_current":true"#, .wrongType), (#""pt_current":"n/a""#, .wrongType),
            (#""pt_current":"NaN""#, .wrongType), (#""pt_current":"inf""#, .wrongType), (#""pt_current":"0x10""#, .wrongType),
            (#""pt_current":1e999"#, .outOfRange), (#""pt_current":"-5.00""#, .outOfRange), (#""pt_current":[1]"#, .wrongType),
        ]
        for (member, category) in cases {
            let failure = Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","# + member), .ratings)
            #expect(failure?.category == category, "\(member)")
            #expect(failure?.reason.hasPrefix("data.content.pt_current: expected") == true, "\(failure?.reason ?? "")")
        }
    }

    @Test func readsImportanceFromIntegersAndNumericStrings() throws {
        for (member, expected) in [(#""importance":0"#, 0), (#""importance":"3""#, 3), (#""importance":5.0"#, 5), (#""importance":" 2 ""#, 2)] {
            let (_, rating) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":"AAPL","# + member))
            #expect(rating.importance == expected, "\(member)")
        }
        let (_, empty) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":"AAPL","importance":"""#))
        #expect(empty.importance == nil)
    }

    @Test func refusesImportanceOutsideZeroToFiveWithAPreciseReason() {
        let word = Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","importance":"high""#), .ratings)
        #expect(word == DecodeFailure(.wrongType, #"data.content.importance: expected an integer 0-5, got "high""#))
        for (member, shown) in [("-1", "-1"), ("6", "6"), ("2.5", "2.5"), (#""9""#, #""9""#), ("99999999999999999999", "99999999999999999999")] {
            let failure = Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","importance":"# + member), .ratings)
            #expect(failure == DecodeFailure(.outOfRange, "data.content.importance: expected an integer 0-5, got \(shown)"))
        }
    }

    @Test func readsUpdatedInSecondsMillisecondsOrAsNumericText() throws {
        for member in [#""updated":1767967500"#, #""updated":1767967500000"#, #""updated":"1767967500""#] {
            let (_, rating) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":"AAPL","# + member))
            #expect(rating.updated == Timestamp(millisecondsSinceEpoch: 1_767_967_500_000), "\(member)")
        }
        let failure = Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","updated":"yesterday""#), .ratings)
        #expect(failure == DecodeFailure(.wrongType, #"data.content.updated: expected Unix seconds or milliseconds, got "yesterday""#))
        for member in ["-5", "99999999999999999999999", "1e300"] {
            #expect(Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","updated":"# + member), .ratings)?.category == .outOfRange)
        }
    }

    @Test func upperCasesTrimsAndValidatesTickers() throws {
        let (_, rating) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":" brk.b ""#))
        #expect(rating.ticker == "BRK.B")
        let missing = Decoding.failure(Decoding.ratingMessage(content: #""name":"Apple""#), .ratings)
        #expect(missing == DecodeFailure(.missingField, "data.content.ticker is missing"))
        #expect(Decoding.failure(Decoding.ratingMessage(content: #""ticker":"""#), .ratings)?.category == .missingField)
        for bad in ["AA PL", "ABCDEFGHIJKLMNOPQ", "ÄPPLE", "AAPL;"] {
            #expect(Decoding.failure(Decoding.ratingMessage(content: #""ticker":"\#(bad)""#), .ratings)?.category == .invalidTicker, "\(bad)")
        }
    }

    @Test func trimsStringsAndTreatsNullAndEmptyAsAbsent() throws {
        let (_, rating) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":"AAPL","name":"  Apple Inc. ","exchange":null,"notes":"","analyst_name":" ","cusip":37833100"#))
        #expect(rating.name == "Apple Inc.")
        #expect(rating.exchange == nil)
        #expect(rating.notes == nil)
        #expect(rating.analystName == nil)
        #expect(rating.cusip == "37833100")
    }

    @Test func keepsValidISINsAndDropsMalformedOnes() throws {
        let (_, good) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":"AAPL","isin":"us0378331005""#))
        #expect(good.isin == "US0378331005")
        let (_, bad) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":"AAPL","isin":"US0378331006""#))
        #expect(bad.isin == nil)
    }

    @Test func validatesDatesAndTimes() throws {
        let (_, rating) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":"AAPL","date":"2024-02-29","time":"10:37""#))
        #expect(rating.date == "2024-02-29")
        #expect(rating.time == "10:37:00")
        #expect(Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","date":"2026-02-30""#), .ratings)?.category == .invalidValue)
        #expect(Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","time":"25:00:00""#), .ratings)?.category == .invalidValue)
    }

    @Test func refusesUnknownOrMissingActionsAndMissingIDs() {
        let unknown = Decoding.failure(Decoding.ratingMessage(action: "Exploded", content: #""ticker":"AAPL""#), .ratings)
        #expect(unknown == DecodeFailure(.unknownAction, #"data.action: unknown action "Exploded" (expected created, updated or deleted)"#))
        let noAction = #"{"id":"e","data":{"id":"r1","content":{"ticker":"AAPL"}}}"#
        #expect(Decoding.failure(noAction, .ratings) == DecodeFailure(.missingField, "data.action is missing"))
        let noID = #"{"id":"e","data":{"action":"created","content":{"ticker":"AAPL"}}}"#
        #expect(Decoding.failure(noID, .ratings) == DecodeFailure(.missingField, "data.id is missing"))
        let noContent = #"{"id":"e","data":{"action":"created","id":"r1"}}"#
        #expect(Decoding.failure(noContent, .ratings) == DecodeFailure(.missingField, "data.content is missing"))
    }

    @Test func refusesAKeyGivenTwice() {
        let failure = Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","ticker":"MSFT""#), .ratings)
        #expect(failure == DecodeFailure(.ambiguous, "data.content.ticker is given more than once"))
    }

    @Test func ignoresFieldsItDoesNotKnow() throws {
        let (_, rating) = try Decoding.rating(Decoding.ratingMessage(content: #""ticker":"AAPL","future_field":{"nested":[1,2,3]},"ratings_accuracy":{"1m":"0.5"}"#))
        #expect(rating.ticker == "AAPL")
    }

    @Test func refusesFieldsOverTheirLengthLimit() {
        let limits = FeedLimits(maxFieldBytes: 8, maxTextBytes: 16)
        let name = Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","name":"Apple Incorporated""#), .ratings, limits: limits)
        #expect(name == DecodeFailure(.tooLarge, "data.content.name is 18 bytes, over the limit of 8"))
        let notes = Decoding.failure(Decoding.ratingMessage(content: #""ticker":"AAPL","notes":"0123456789abcdefg""#), .ratings, limits: limits)
        #expect(notes?.category == .tooLarge)
    }
}
