@testable import Feeds
import Foundation
import LiveState
import Testing

/// The pipeline with the real store behind it: hostile input becomes dead letters and counters,
/// and what the store serves stays byte-for-byte what it was.
@Suite struct FeedPipelineStoreTests {
    /// A store holding every shipped fixture message, applied in file order per source.
    static func loadedStore() throws -> (Store, FeedPipeline) {
        let store = Store()
        // Nothing held: the bad ISIN-only consensus file must be refused at once.
        let pipeline = FeedPipeline(store: store, pendingLimits: PendingISINLimits(maxMessages: 0))
        for source in [FeedSource.ratings, .insights, .consensus] {
            for line in try FixtureFiles.lines(source) {
                _ = pipeline.ingest(line, source: source, receivedAt: Timestamp(millisecondsSinceEpoch: 1_800_000_000_000))
            }
        }
        return (store, pipeline)
    }

    /// Everything a client can read, for before/after comparison.
    static func servedState(_ store: Store) -> [String: [UInt8]] {
        var served = ["tickers": store.tickersDocument().json]
        served["ratings"] = store.ratings(RecordQuery(limit: 1_000)).items.flatMap { $0 }
        served["insights"] = store.insights(RecordQuery(limit: 1_000)).items.flatMap { $0 }
        for ticker in ["AAPL", "MSFT", "NVDA", "TSLA", "BRK.B"] {
            served["consensus/\(ticker)"] = store.consensusDocument(ticker: ticker)?.json ?? []
            served["ticker/\(ticker)"] = store.tickerDocument(ticker: ticker)?.json ?? []
        }
        return served
    }

    @Test func everyBadFixtureIsADeadLetterAndTheServedStateIsUnchanged() throws {
        let (store, pipeline) = try Self.loadedStore()
        let before = Self.servedState(store)
        let countersBefore = store.statistics()
        #expect(countersBefore.sources.values.allSatisfy { $0.deadLetters == 0 })

        let cases = FixturesTests.badCases
        try #require(cases.count >= 40)
        for bad in cases {
            let source = try #require(FeedSource(rawValue: bad.source))
            let result = pipeline.ingest(
                try FixtureFiles.bytes("bad/" + bad.file), source: source,
                receivedAt: Timestamp(millisecondsSinceEpoch: 1_800_000_000_000))
            guard case .deadLettered = result else {
                Issue.record("\(bad.file) was not refused: \(result)")
                continue
            }
        }

        #expect(Self.servedState(store) == before)
        let after = store.statistics()
        #expect(after.ratingCount == countersBefore.ratingCount)
        #expect(after.insightCount == countersBefore.insightCount)
        #expect(after.consensusCount == countersBefore.consensusCount)
        let deadLetters = after.sources.values.reduce(0) { $0 + $1.deadLetters }
        #expect(deadLetters == cases.count)
        #expect(after.recentDeadLetters.count == cases.count)
        #expect(after.recentDeadLetters.allSatisfy { !$0.reason.isEmpty && $0.excerpt.utf8.count <= 1_024 })
        for source in FeedSource.allCases {
            let expected = cases.filter { $0.source == source.rawValue }.count
            #expect(after.sources[source]?.deadLetters == expected, "\(source)")
        }
    }
}
