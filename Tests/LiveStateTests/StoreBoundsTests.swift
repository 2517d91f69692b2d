import Testing
import LiveState

/// Recent ratings and insights stay within their bounds, evicting the oldest by key.
@Suite struct StoreBoundsTests {
    typealias F = TestFixtures

    private func rating(_ id: String, _ ticker: String, day: Int) -> Change {
        .rating(.created, F.rating(id, ticker: ticker, date: "2024-10-\(10 + day)", updated: Int64(day)))
    }

    private func allIDs(_ store: Store) -> [String] {
        F.ids(store.ratings(RecordQuery(limit: 1_000)))
    }

    @Test func evictsATickersOldestBeyondItsBound() {
        let store = Store(limits: StoreLimits(ratingsPerTicker: 3))
        // Applied out of order: eviction follows the key, not arrival.
        for (id, day) in [("b", 2), ("d", 4), ("a", 1), ("c", 3)] { F.apply(store, rating(id, "AAPL", day: day)) }
        #expect(allIDs(store) == ["d", "c", "b"])
        #expect(store.ratingDocument(id: "a") == nil)
        F.apply(store, rating("e", "MSFT", day: 0))
        #expect(allIDs(store) == ["d", "c", "b", "e"])
    }

    @Test func evictsTheGlobalOldestBeyondTheOverallBound() {
        let store = Store(limits: StoreLimits(ratingsOverall: 4))
        F.apply(store, rating("m1", "MSFT", day: 1))
        F.apply(store, rating("a2", "AAPL", day: 2))
        F.apply(store, rating("n3", "NVDA", day: 3))
        F.apply(store, rating("a4", "AAPL", day: 4))
        F.apply(store, rating("t5", "TSLA", day: 5))
        #expect(allIDs(store) == ["t5", "a4", "n3", "a2"])
        #expect(!store.knowsTicker("MSFT"))
        F.apply(store, rating("m6", "MSFT", day: 6))
        #expect(allIDs(store) == ["m6", "t5", "a4", "n3"])
        #expect(F.object(store.tickerDocument(ticker: "AAPL")!.json)?["ratings_count"] as? Int == 1)
        #expect(store.statistics().ratingCount == 4)
    }

    @Test func refusesARecordOlderThanEverythingInAFullTickerAsStale() {
        let store = Store(limits: StoreLimits(ratingsPerTicker: 2))
        F.apply(store, rating("b", "AAPL", day: 2))
        F.apply(store, rating("c", "AAPL", day: 3))
        #expect(F.apply(store, rating("a", "AAPL", day: 1)) == .stale)
        #expect(allIDs(store) == ["c", "b"])
    }

    @Test func refusesARecordOlderThanEverythingInAFullStoreAsStale() {
        let store = Store(limits: StoreLimits(ratingsOverall: 2))
        F.apply(store, rating("b", "AAPL", day: 2))
        F.apply(store, rating("c", "MSFT", day: 3))
        #expect(F.apply(store, rating("a", "NVDA", day: 1)) == .stale)
        #expect(!store.knowsTicker("NVDA"))
    }

    @Test func boundsInsightsPerTickerAndOverall() {
        let store = Store(limits: StoreLimits(insightsPerTicker: 2, insightsOverall: 3))
        for (index, ticker) in ["AAPL", "AAPL", "AAPL", "MSFT", "NVDA"].enumerated() {
            F.apply(store, .insight(.created, F.insight("i\(index)", ticker: ticker, date: "2024-10-1\(index)")))
        }
        #expect(F.ids(store.insights(RecordQuery())) == ["i4", "i3", "i2"])
        #expect(store.statistics().insightCount == 3)
    }

    @Test func staysWithinBoundsUnderManyInserts() {
        let store = Store(limits: StoreLimits(ratingsPerTicker: 50, ratingsOverall: 1_000))
        for index in 0..<5_000 {
            F.apply(store, .rating(.created, F.rating(
                "r\(index)", ticker: "T\(index % 37)", date: "2024-10-\(10 + index % 19)", updated: Int64(index))))
        }
        let statistics = store.statistics()
        #expect(statistics.ratingCount == 1_000)
        for ticker in 0..<37 {
            let count = F.object(store.tickerDocument(ticker: "T\(ticker)")?.json ?? [])?["ratings_count"] as? Int ?? 0
            #expect(count <= 50)
        }
    }
}
