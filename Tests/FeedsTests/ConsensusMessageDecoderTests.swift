@testable import Feeds
import LiveState
import Testing

@Suite struct ConsensusMessageDecoderTests {
    private let figures = #""aggregate_ratings":{"strong_buy":1,"buy":2,"hold":3,"sell":0,"strong_sell":0},"consensus_rating":"BUY""#

    private func consensus(_ text: String, subscription: FeedSubscription = .unfiltered, isins: [String: String] = [:]) throws -> Consensus {
        let message = try Decoding.decode(text, .consensus, subscription: subscription, isins: isins).get()
        guard case .consensus(let consensus) = message.change else { throw DecodeFailure(.invalidValue, "not a consensus") }
        return consensus
    }

    @Test func refusesTheDocumentedExampleWhenNothingTiesItToASecurity() {
        let failure = Decoding.failure(DocumentedExamples.consensus, .consensus)
        #expect(failure?.category == .noSecurity)
        #expect(failure?.reason.hasPrefix("consensus message names no security") == true)
        #expect(Decoding.failure(DocumentedExamples.consensus, .consensus, subscription: FeedSubscription(tickers: ["AAPL", "MSFT"]))?.category == .noSecurity)
    }

    @Test func decodesTheDocumentedExampleOnAOneTickerSubscription() throws {
        let value = try consensus(DocumentedExamples.consensus, subscription: FeedSubscription(tickers: ["aapl"]))
        var expected = Consensus(ticker: "AAPL", aggregateRatings: AggregateRatings(strongBuy: 15, buy: 25, hold: 8, sell: 2, strongSell: 0))
        expected.aggregateType = "number"
        expected.consensusRating = "BUY"
        expected.consensusRatingValue = 4.2
        expected.consensusPriceTarget = 195.5
        expected.highPriceTarget = 225
        expected.lowPriceTarget = 160
        expected.totalAnalystCount = 50
        expected.uniqueAnalystCount = 48
        expected.updatedAt = Timestamp(rfc3339: "2024-10-04T19:21:06Z")
        #expect(value == expected)
    }

    @Test func routesByTheConnectionNotByTheRatingsKindItCarries() throws {
        let text = Decoding.consensusMessage(#""ticker":"MSFT","# + figures)
        #expect(try Decoding.decode(text, .consensus).get().source == .consensus)
        #expect(Decoding.failure(text, .ratings)?.category == .missingField)
    }

    @Test func takesTheTieFromTickerSymbolOrSecuritySymbol() throws {
        #expect(try consensus(Decoding.consensusMessage(#""ticker":"msft","# + figures)).ticker == "MSFT")
        #expect(try consensus(Decoding.consensusMessage(#""symbol":"BRK.B","# + figures)).ticker == "BRK.B")
        #expect(try consensus(Decoding.consensusMessage(#""security":{"symbol":"NVDA"},"# + figures)).ticker == "NVDA")
        let both = try consensus(Decoding.consensusMessage(#""ticker":"AAPL","symbol":"aapl","isin":"US0378331005","# + figures))
        #expect(both.ticker == "AAPL")
        #expect(both.isin == "US0378331005")
    }

    @Test func aFieldInTheMessageWinsOverTheSubscription() throws {
        let value = try consensus(Decoding.consensusMessage(#""ticker":"MSFT","# + figures), subscription: FeedSubscription(tickers: ["AAPL"]))
        #expect(value.ticker == "MSFT")
    }

    @Test func resolvesAnISINTheStoreKnowsAndRefusesOneItDoesNot() throws {
        let text = Decoding.consensusMessage(#""isin":"US0378331005","# + figures)
        let value = try consensus(text, isins: ["US0378331005": "AAPL"])
        #expect(value.ticker == "AAPL")
        #expect(value.isin == "US0378331005")
        let unknown = Decoding.failure(text, .consensus)
        #expect(unknown == DecodeFailure(.noSecurity, "consensus message names ISIN US0378331005, which no rating or insight has tied to a ticker"))
        let invalid = Decoding.failure(Decoding.consensusMessage(#""isin":"US0378331006","# + figures), .consensus)
        #expect(invalid?.category == .invalidValue)
        let viaSubscription = try consensus(DocumentedExamples.consensus, subscription: FeedSubscription(isins: ["US0378331005"]), isins: ["US0378331005": "AAPL"])
        #expect(viaSubscription.ticker == "AAPL")
    }

    @Test func refusesTwoFieldsNamingDifferentSecurities() {
        let failure = Decoding.failure(Decoding.consensusMessage(#""ticker":"AAPL","security":{"symbol":"MSFT"},"# + figures), .consensus)
        #expect(failure == DecodeFailure(.ambiguous, "consensus message names two securities: data.ticker AAPL and data.security.symbol MSFT"))
    }

    @Test func acceptsHyphenatedBucketsAndRefusesBothSpellingsAtOnce() throws {
        let value = try consensus(Decoding.consensusMessage(#""ticker":"AAPL","aggregate_ratings":{"strong-buy":1,"buy":2,"hold":3,"sell":4,"strong-sell":5}"#))
        #expect(value.aggregateRatings == AggregateRatings(strongBuy: 1, buy: 2, hold: 3, sell: 4, strongSell: 5))
        let both = Decoding.failure(Decoding.consensusMessage(#""ticker":"AAPL","aggregate_ratings":{"strong_sell":1,"strong-sell":1}"#), .consensus)
        #expect(both?.category == .ambiguous)
    }

    @Test func acceptsPercentagesAndFloatPriceTargetsAndEitherRatingCasing() throws {
        let value = try consensus(Decoding.consensusMessage(#""ticker":"AAPL","aggregate_type":"percentage","aggregate_ratings":{"buy":62.5,"hold":37.5},"consensus_rating":"Buy","consensus_price_target":250.1784,"high_price_target":"300","low_price_target":200"#))
        #expect(value.aggregateRatings.buy == 62.5)
        #expect(value.consensusRating == "Buy")
        #expect(value.consensusPriceTarget == 250.1784)
        #expect(value.highPriceTarget == 300)
        #expect(value.lowPriceTarget == 200)
    }

    @Test func readsUpdatedAtAsRFC3339OrUSEasternWallClock() throws {
        let utc = try consensus(Decoding.consensusMessage(#""ticker":"AAPL","# + figures + #","updated_at":"2024-10-04T19:21:06Z""#))
        #expect(utc.updatedAt == Timestamp(rfc3339: "2024-10-04T19:21:06Z"))
        let summer = try consensus(Decoding.consensusMessage(#""ticker":"AAPL","# + figures + #","updated_at":"2024-10-04 15:21:06""#))
        #expect(summer.updatedAt == Timestamp(rfc3339: "2024-10-04T19:21:06Z"))
        let winter = try consensus(Decoding.consensusMessage(#""ticker":"AAPL","# + figures + #","updated_at":"2026-01-09 10:10:00""#))
        #expect(winter.updatedAt == Timestamp(rfc3339: "2026-01-09T15:10:00Z"))
        let garbage = Decoding.failure(Decoding.consensusMessage(#""ticker":"AAPL","# + figures + #","updated_at":"last tuesday""#), .consensus)
        #expect(garbage?.category == .invalidValue)
    }

    @Test func refusesCountsAndScoresOutOfRange() {
        let cases: [(String, DecodeFailure.Category)] = [
            (#""total_analyst_count":"many""#, .wrongType), (#""total_analyst_count":-1"#, .outOfRange),
            (#""unique_analyst_count":2.5"#, .outOfRange), (#""consensus_rating_val":7.5"#, .outOfRange),
            (#""aggregate_ratings":[1,2]"#, .wrongType), (#""aggregate_ratings":{"sell":-1}"#, .outOfRange),
        ]
        for (member, category) in cases {
            #expect(Decoding.failure(Decoding.consensusMessage(#""ticker":"AAPL","consensus_rating":"BUY","# + member), .consensus)?.category == category, "\(member)")
        }
    }

    @Test func refusesAMessageWithATieButNoFigures() {
        let failure = Decoding.failure(Decoding.consensusMessage(#""ticker":"AAPL","updated_at":"2026-01-09T15:10:00Z""#), .consensus)
        #expect(failure == DecodeFailure(.missingField, "consensus message for AAPL carries no consensus figures"))
    }

    @Test func readsAPayloadWrappedInContentLikeTheOtherStreams() throws {
        let text = Decoding.consensusMessage(#""action":"updated","content":{"ticker":"AAPL","# + figures + "}")
        let value = try consensus(text)
        #expect(value.ticker == "AAPL")
        #expect(value.aggregateRatings.hold == 3)
    }
}
