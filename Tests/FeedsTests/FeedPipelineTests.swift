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

    @Test func recordsOfTwoMessagesShareTheirRepeatingLongValuesButNotTheirIDs() {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store)
        let content = #""ticker":"AAPL","url":"https://www.benzinga.com/quote/AAPL/analyst-ratings","firm_id":"2910a5f285822e32affdc110","notes":"the same long note, twice over""#
        for id in ["695ba4db7c3c0540f1645bab", "695ba9cc374e6715020ea9da"] {
            // Each its own envelope id, or the second would be dropped as a redelivery.
            let message = Decoding.ratingMessage(id: id, content: content).replacing("\"env-1\"", with: "\"env-\(id)\"")
            pipeline.ingest(Array(message.utf8), source: .ratings, receivedAt: Timestamp(millisecondsSinceEpoch: 1))
        }
        guard store.applied.count == 2, case .rating(_, let first) = store.applied[0].change,
              case .rating(_, let second) = store.applied[1].change else {
            Issue.record("expected two ratings, got \(store.applied)")
            return
        }
        func storage(_ text: String?) -> UnsafePointer<UInt8>? {
            text?.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
        }
        #expect(second.url == "https://www.benzinga.com/quote/AAPL/analyst-ratings")
        #expect(storage(first.url) == storage(second.url))
        #expect(storage(first.firmID) == storage(second.firmID))
        #expect(first.notes == second.notes)
        #expect(storage(first.notes) != storage(second.notes))
        #expect(first.id != second.id)
    }
}
