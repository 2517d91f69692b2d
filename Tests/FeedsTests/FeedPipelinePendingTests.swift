@testable import Feeds
import LiveState
import Testing

/// Consensus messages tied only by an ISIN the store does not know yet: held, bounded, applied
/// in arrival order once a rating or insight names the ISIN, dead letters when evicted or old.
@Suite struct FeedPipelinePendingTests {
    static let appleISIN = "US0378331005"
    static let microsoftISIN = "US5949181045"

    /// A consensus message naming only `isin`, with its own envelope id (the store dedups by it).
    static func consensus(_ envelope: String, isin: String, rating: String = "BUY") -> [UInt8] {
        Array(#"{"id":"\#(envelope)","data":{"isin":"\#(isin)","consensus_rating":"\#(rating)"}}"#.utf8)
    }

    static func rating(_ id: String, ticker: String, isin: String) -> [UInt8] {
        Array(Decoding.ratingMessage(id: id, content: #""ticker":"\#(ticker)","isin":"\#(isin)""#).replacing("env-1", with: "env-\(id)").utf8)
    }

    static func at(_ seconds: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: 1_000_000 + seconds * 1000) }

    /// The envelope ids and tickers of the consensus messages the store applied, in order.
    static func appliedConsensus(_ store: RecordingStore) -> [String] {
        store.applied.compactMap { message in
            guard case .consensus(let value) = message.change else { return nil }
            return "\(message.envelopeID ?? "?")@\(value.ticker)"
        }
    }

    @Test func aConsensusNamingAnUnknownISINIsHeldAndAppliedOnceARatingNamesIt() {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store)
        #expect(pipeline.ingest(Self.consensus("c1", isin: Self.appleISIN), source: .consensus, receivedAt: Self.at(0)) == .held(isin: Self.appleISIN))
        #expect(pipeline.pendingMessages == 1)
        #expect(store.applied.isEmpty && store.deadLetters.isEmpty)
        pipeline.ingest(Self.rating("r1", ticker: "AAPL", isin: Self.appleISIN), source: .ratings, receivedAt: Self.at(1))
        #expect(Self.appliedConsensus(store) == ["c1@AAPL"])
        #expect(pipeline.pendingMessages == 0)
        #expect(store.deadLetters.isEmpty)
    }

    @Test func anInsightNamingTheISINReleasesItToo() {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store)
        pipeline.ingest(Self.consensus("c1", isin: Self.appleISIN), source: .consensus, receivedAt: Self.at(0))
        let insight = Decoding.insightMessage(content: #""security":{"symbol":"AAPL","isin":"\#(Self.appleISIN)"},"action":"Upgrades","rating":"Buy""#)
        pipeline.ingest(Array(insight.utf8), source: .insights, receivedAt: Self.at(1))
        #expect(Self.appliedConsensus(store) == ["c1@AAPL"], "\(store.deadLetters)")
    }

    @Test func heldMessagesOfOneISINAreAppliedInArrivalOrderAndOthersStayHeld() {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store)
        pipeline.ingest(Self.consensus("c1", isin: Self.appleISIN, rating: "HOLD"), source: .consensus, receivedAt: Self.at(0))
        pipeline.ingest(Self.consensus("c2", isin: Self.microsoftISIN), source: .consensus, receivedAt: Self.at(1))
        pipeline.ingest(Self.consensus("c3", isin: Self.appleISIN, rating: "BUY"), source: .consensus, receivedAt: Self.at(2))
        pipeline.ingest(Self.rating("r1", ticker: "AAPL", isin: Self.appleISIN), source: .ratings, receivedAt: Self.at(3))
        #expect(Self.appliedConsensus(store) == ["c1@AAPL", "c3@AAPL"])
        #expect(pipeline.pendingMessages == 1)
        pipeline.ingest(Self.rating("r2", ticker: "MSFT", isin: Self.microsoftISIN), source: .ratings, receivedAt: Self.at(4))
        #expect(Self.appliedConsensus(store) == ["c1@AAPL", "c3@AAPL", "c2@MSFT"])
        #expect(pipeline.pendingMessages == 0)
    }

    @Test func aFullListEvictsTheOldestAsACountedDeadLetterSayingWhy() throws {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store, pendingLimits: PendingISINLimits(maxMessages: 2))
        for (index, envelope) in ["c1", "c2", "c3"].enumerated() {
            pipeline.ingest(Self.consensus(envelope, isin: Self.appleISIN), source: .consensus, receivedAt: Self.at(Int64(index)))
        }
        #expect(pipeline.pendingMessages == 2)
        let letter = try #require(store.deadLetters.first)
        #expect(store.deadLetters.count == 1)
        #expect(letter.source == .consensus)
        #expect(letter.reason.contains("evicted") && letter.reason.contains(Self.appleISIN), "\(letter.reason)")
        #expect(letter.excerpt.contains(#""id":"c1""#))
        #expect(letter.receivedAt == Self.at(0))
    }

    @Test func aMessageHeldLongerThanTheMaximumAgeBecomesADeadLetter() throws {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store, pendingLimits: PendingISINLimits(maxAge: .seconds(10)))
        pipeline.ingest(Self.consensus("c1", isin: Self.appleISIN), source: .consensus, receivedAt: Self.at(0))
        pipeline.ingest(Self.consensus("c2", isin: Self.appleISIN), source: .consensus, receivedAt: Self.at(5))
        pipeline.expirePending(now: Self.at(10))
        #expect(pipeline.pendingMessages == 2, "exactly the maximum age is not yet too old")
        pipeline.ingest(Self.rating("r1", ticker: "MSFT", isin: Self.microsoftISIN), source: .ratings, receivedAt: Self.at(11))
        #expect(pipeline.pendingMessages == 1)
        let letter = try #require(store.deadLetters.first)
        #expect(letter.reason.contains("within 10 s"), "\(letter.reason)")
        #expect(letter.excerpt.contains(#""id":"c1""#))
        pipeline.ingest(Self.rating("r2", ticker: "AAPL", isin: Self.appleISIN), source: .ratings, receivedAt: Self.at(12))
        #expect(Self.appliedConsensus(store) == ["c2@AAPL"])
    }

    @Test func aLimitOfZeroRefusesAtOnceWithTheDecodersReason() {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store, pendingLimits: PendingISINLimits(maxMessages: 0))
        let result = pipeline.ingest(Self.consensus("c1", isin: Self.appleISIN), source: .consensus, receivedAt: Self.at(0))
        #expect(result == .deadLettered(DecodeFailure(.noSecurity, "consensus message names ISIN \(Self.appleISIN), which no rating or insight has tied to a ticker")))
        #expect(store.deadLetters.count == 1)
        #expect(pipeline.pendingMessages == 0)
    }

    @Test func aConsensusNamingNoSecurityAtAllIsNotHeld() {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store)
        let result = pipeline.ingest(Array(#"{"id":"c1","data":{"consensus_rating":"BUY"}}"#.utf8), source: .consensus, receivedAt: Self.at(0))
        guard case .deadLettered(let failure) = result else { Issue.record("\(result)"); return }
        #expect(failure.category == .noSecurity)
        #expect(pipeline.pendingMessages == 0)
    }
}
