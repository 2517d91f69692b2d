@testable import Feeds
import LiveState
import Testing

@Suite struct FeedPipelineTests {
    @Test func appliesADecodedMessageWithItsReceiveTime() {
        let store = RecordingStore()
        let result = FeedPipeline(store: store).ingest(Array(DocumentedExamples.rating.utf8), source: .ratings, receivedAt: Timestamp(millisecondsSinceEpoch: 5))
        #expect(result == .applied(.applied(sequence: 1)))
        #expect(store.applied.first?.envelopeID == "e9e75b31-604e-422c-a532-362725b2d59d")
        #expect(store.deadLetters.isEmpty)
    }

    @Test func passesTheStoresOutcomeThrough() {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store)
        pipeline.ingest(Array(DocumentedExamples.rating.utf8), source: .ratings, receivedAt: Timestamp(millisecondsSinceEpoch: 5))
        #expect(pipeline.ingest(Array(DocumentedExamples.rating.utf8), source: .ratings, receivedAt: Timestamp(millisecondsSinceEpoch: 6)) == .applied(.duplicate))
    }

    @Test func keepsARefusedMessageAsADeadLetterWithReasonAndExcerpt() {
        let store = RecordingStore()
        let text = Decoding.ratingMessage(content: #""ticker":"AAPL","importance":"high""#)
        let result = FeedPipeline(store: store).ingest(Array(text.utf8), source: .ratings, receivedAt: Timestamp(millisecondsSinceEpoch: 7))
        #expect(result == .deadLettered(DecodeFailure(.wrongType, #"data.content.importance: expected an integer 0-5, got "high""#)))
        #expect(store.applied.isEmpty)
        #expect(store.deadLetters == [DeadLetter(source: .ratings, reason: #"data.content.importance: expected an integer 0-5, got "high""#,
                                                 excerpt: text.utf8.count > 200 ? String(text.prefix(200)) + "..." : text, receivedAt: Timestamp(millisecondsSinceEpoch: 7))])
    }

    @Test func tiesAConsensusByAnISINTheStoreLearnedFromARating() {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store)
        // Only the rating teaches the store the ISIN; an earlier consensus would be held (see FeedPipelinePendingTests).
        let consensus = Array(Decoding.consensusMessage(#""isin":"US0378331005","consensus_rating":"BUY""#).utf8)
        pipeline.ingest(Array(Decoding.ratingMessage(content: #""ticker":"AAPL","isin":"US0378331005""#).utf8), source: .ratings, receivedAt: Timestamp(millisecondsSinceEpoch: 2))
        guard case .applied = pipeline.ingest(consensus, source: .consensus, receivedAt: Timestamp(millisecondsSinceEpoch: 3)) else {
            Issue.record("consensus not applied")
            return
        }
        guard case .consensus(let value)? = store.applied.last?.change else { Issue.record("no consensus"); return }
        #expect(value.ticker == "AAPL")
    }

    @Test func usesTheSubscriptionOfTheConnection() {
        let store = RecordingStore()
        let result = FeedPipeline(store: store).ingest(Array(DocumentedExamples.consensus.utf8), source: .consensus,
                                                       subscription: FeedSubscription(tickers: ["TSLA"]), receivedAt: Timestamp(millisecondsSinceEpoch: 1))
        #expect(result == .applied(.applied(sequence: 1)))
    }
}
