import Testing
import LiveState

/// The apply rules, counters and dead letters.
@Suite struct StoreTests {
    typealias F = TestFixtures

    @Test func createsThenUpdatesARating() {
        let store = Store()
        #expect(F.apply(store, .rating(.created, F.rating("r1", updated: 100))) == .applied(sequence: 1))
        #expect(F.apply(store, .rating(.updated, F.rating("r1", updated: 200, priceTarget: 210))) == .applied(sequence: 2))
        let document = store.ratingDocument(id: "r1")
        #expect(F.object(document?.json ?? [])?["pt_current"] as? Double == 210)
        #expect(document?.version == 2)
        #expect(store.statistics().ratingCount == 1)
    }

    @Test func upsertsAnUpdateForAnUnknownId() {
        let store = Store()
        #expect(F.apply(store, .rating(.updated, F.rating("r1"))) == .applied(sequence: 1))
        #expect(store.ratingDocument(id: "r1") != nil)
    }

    @Test func ignoresAnOlderUpdateAsStale() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1", updated: 200)))
        #expect(F.apply(store, .rating(.updated, F.rating("r1", updated: 100, priceTarget: 1))) == .stale)
        #expect(F.object(store.ratingDocument(id: "r1")!.json)?["pt_current"] as? Double == 200)
        #expect(store.statistics().sources[.ratings]?.stale == 1)
    }

    @Test func comparesTimestampWhenUpdatedTies() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1", updated: 100, timestamp: 50)))
        #expect(F.apply(store, .rating(.updated, F.rating("r1", updated: 100, timestamp: 40, priceTarget: 1))) == .stale)
        #expect(F.apply(store, .rating(.updated, F.rating("r1", updated: 100, timestamp: 60, priceTarget: 1))) == .applied(sequence: 2))
    }

    @Test func acceptsAnUpdateWhoseVersionCannotBeCompared() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1", updated: 100, timestamp: nil)))
        #expect(F.apply(store, .rating(.updated, F.rating("r1", updated: nil, timestamp: 5, priceTarget: 1))) == .applied(sequence: 2))
    }

    @Test func countsTheSameVersionAndContentAsDuplicate() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1")))
        #expect(F.apply(store, .rating(.updated, F.rating("r1"))) == .duplicate)
        #expect(store.statistics().sources[.ratings]?.duplicates == 1)
        #expect(store.ratingDocument(id: "r1")?.version == 1)
    }

    @Test func appliesACorrectionAtTheSameVersion() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1")))
        #expect(F.apply(store, .rating(.updated, F.rating("r1", priceTarget: 999))) == .applied(sequence: 2))
    }

    @Test func dropsARepeatedEnvelopeIdPerSource() {
        let store = Store()
        #expect(F.apply(store, .rating(.created, F.rating("r1")), envelope: "e1") == .applied(sequence: 1))
        #expect(F.apply(store, .rating(.created, F.rating("r2")), envelope: "e1") == .duplicate)
        #expect(store.ratingDocument(id: "r2") == nil)
        // Another source has its own memory.
        #expect(F.apply(store, .consensus(F.consensus()), envelope: "e1") == .applied(sequence: 2))
    }

    @Test func deletesAHeldRating() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1")))
        #expect(F.apply(store, .ratingDeleted(id: "r1", updated: nil, timestamp: nil)) == .applied(sequence: 2))
        #expect(store.ratingDocument(id: "r1") == nil)
        #expect(store.statistics().ratingCount == 0)
    }

    @Test func countsADeleteOfAnUnknownIdAsANoOp() {
        let store = Store()
        #expect(F.apply(store, .ratingDeleted(id: "nope", updated: nil, timestamp: nil)) == .unknownDelete)
        let statistics = store.statistics()
        #expect(statistics.sources[.ratings]?.unknownDeletes == 1)
        #expect(statistics.sources[.ratings]?.applied == 0)
        #expect(store.tickersDocument().version == 0)
    }

    @Test func ignoresADeleteOlderThanTheHeldRecord() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1", updated: 200)))
        #expect(F.apply(store, .ratingDeleted(id: "r1", updated: F.seconds(100), timestamp: nil)) == .stale)
        #expect(store.ratingDocument(id: "r1") != nil)
    }

    @Test func aLateReplayDoesNotResurrectADeletedRating() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1", updated: 100)))
        F.apply(store, .ratingDeleted(id: "r1", updated: nil, timestamp: nil))
        #expect(F.apply(store, .rating(.created, F.rating("r1", updated: 100))) == .stale)
        #expect(F.apply(store, .rating(.updated, F.rating("r1", updated: 90))) == .stale)
        #expect(store.ratingDocument(id: "r1") == nil)
    }

    @Test func aNewerVersionBringsADeletedRatingBack() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1", updated: 100)))
        F.apply(store, .ratingDeleted(id: "r1", updated: nil, timestamp: nil))
        #expect(F.apply(store, .rating(.updated, F.rating("r1", updated: 101))) == .applied(sequence: 3))
        #expect(store.ratingDocument(id: "r1") != nil)
    }

    @Test func aDeleteArrivingBeforeItsCreateKeepsTheCreateOut() {
        let store = Store()
        #expect(F.apply(store, .ratingDeleted(id: "r1", updated: F.seconds(100), timestamp: nil)) == .unknownDelete)
        #expect(F.apply(store, .rating(.created, F.rating("r1", updated: 100))) == .stale)
        #expect(F.apply(store, .rating(.created, F.rating("r1", updated: 150))) == .applied(sequence: 1))
    }

    @Test func treatsADeletedActionOnAFullRecordAsADelete() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1")))
        #expect(F.apply(store, .rating(.deleted, F.rating("r1"))) == .applied(sequence: 2))
        #expect(store.ratingDocument(id: "r1") == nil)
    }

    @Test func appliesInsightsByTheSameRules() {
        let store = Store()
        #expect(F.apply(store, .insight(.created, F.insight("i1", updated: 100))) == .applied(sequence: 1))
        #expect(F.apply(store, .insight(.updated, F.insight("i1", updated: 50))) == .stale)
        #expect(F.apply(store, .insight(.updated, F.insight("i1", updated: 100))) == .duplicate)
        #expect(F.apply(store, .insightDeleted(id: "i1", updated: nil, timestamp: nil)) == .applied(sequence: 2))
        #expect(F.apply(store, .insight(.created, F.insight("i1", updated: 100))) == .stale)
        #expect(F.apply(store, .insightDeleted(id: "i9", updated: nil, timestamp: nil)) == .unknownDelete)
        let counters = store.statistics().sources[.insights]
        #expect(counters?.applied == 2)
        #expect(counters?.stale == 2)
        #expect(counters?.duplicates == 1)
        #expect(counters?.unknownDeletes == 1)
    }

    @Test func replacesConsensusAndRefusesOlderOrIdentical() {
        let store = Store()
        #expect(F.apply(store, .consensus(F.consensus(updated: 100))) == .applied(sequence: 1))
        #expect(F.apply(store, .consensus(F.consensus(updated: 100))) == .duplicate)
        #expect(F.apply(store, .consensus(F.consensus(updated: 50, target: 1))) == .stale)
        #expect(F.apply(store, .consensus(F.consensus(updated: 200, target: 210))) == .applied(sequence: 2))
        #expect(F.object(store.consensusDocument(ticker: "AAPL")!.json)?["consensus_price_target"] as? Double == 210)
        #expect(F.apply(store, .consensus(F.consensus(updated: nil, target: 5))) == .applied(sequence: 3))
        let counters = store.statistics().sources[.consensus]
        #expect(counters?.applied == 3)
        #expect(counters?.duplicates == 1)
        #expect(counters?.stale == 1)
    }

    @Test func setsLastMessageTimeForEveryOutcome() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1")), at: Timestamp(millisecondsSinceEpoch: 1))
        F.apply(store, .rating(.created, F.rating("r1")), at: Timestamp(millisecondsSinceEpoch: 2))
        #expect(store.statistics().sources[.ratings]?.lastMessageAt == Timestamp(millisecondsSinceEpoch: 2))
        F.apply(store, .ratingDeleted(id: "x", updated: nil, timestamp: nil), at: Timestamp(millisecondsSinceEpoch: 3))
        #expect(store.statistics().sources[.ratings]?.lastMessageAt == Timestamp(millisecondsSinceEpoch: 3))
        #expect(store.statistics().sources[.insights]?.lastMessageAt == nil)
    }

    @Test func keepsDeadLettersNewestFirstAndBounded() {
        let store = Store(limits: StoreLimits(deadLettersKept: 3))
        for index in 0..<5 {
            store.recordDeadLetter(DeadLetter(
                source: .consensus, reason: "reason \(index)", excerpt: "{",
                receivedAt: Timestamp(millisecondsSinceEpoch: Int64(index))))
        }
        let statistics = store.statistics()
        #expect(statistics.recentDeadLetters.map(\.reason) == ["reason 4", "reason 3", "reason 2"])
        #expect(statistics.sources[.consensus]?.deadLetters == 5)
        #expect(statistics.sources[.consensus]?.lastMessageAt == Timestamp(millisecondsSinceEpoch: 4))
        #expect(statistics.sources[.ratings]?.deadLetters == 0)
    }

    @Test func mapsISINsToTickersFromEverySource() {
        let store = Store()
        var rating = F.rating("r1", ticker: "AAPL")
        rating.isin = "US0378331005"
        F.apply(store, .rating(.created, rating))
        var insight = F.insight("i1", ticker: "MSFT")
        insight.isin = "US5949181045"
        F.apply(store, .insight(.created, insight))
        var consensus = F.consensus("NVDA")
        consensus.isin = "US67066G1040"
        F.apply(store, .consensus(consensus))
        #expect(store.ticker(forISIN: "US0378331005") == "AAPL")
        #expect(store.ticker(forISIN: "US5949181045") == "MSFT")
        #expect(store.ticker(forISIN: "US67066G1040") == "NVDA")
        #expect(store.ticker(forISIN: "XX") == nil)
    }

    @Test func knowsTickersOnlyWhileTheyHoldSomething() {
        let store = Store()
        #expect(!store.knowsTicker("AAPL"))
        F.apply(store, .rating(.created, F.rating("r1")))
        #expect(store.knowsTicker("AAPL"))
        F.apply(store, .ratingDeleted(id: "r1", updated: nil, timestamp: nil))
        #expect(!store.knowsTicker("AAPL"))
        #expect(store.tickerDocument(ticker: "AAPL") == nil)
        #expect(store.statistics().tickerCount == 0)
    }

    @Test func movesARatingWhoseUpdateChangesItsTicker() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1", ticker: "AAPL", updated: 100)))
        F.apply(store, .rating(.updated, F.rating("r1", ticker: "MSFT", updated: 200)))
        #expect(!store.knowsTicker("AAPL"))
        #expect(F.object(store.tickerDocument(ticker: "MSFT")!.json)?["ratings_count"] as? Int == 1)
        #expect(F.ids(store.ratings(RecordQuery(tickers: ["AAPL"]))).isEmpty)
        #expect(F.ids(store.ratings(RecordQuery(tickers: ["MSFT"]))) == ["r1"])
    }
}
