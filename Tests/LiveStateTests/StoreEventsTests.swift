import Synchronization
import Testing
@testable import LiveState

/// The store's hook: every applied change, and only those, becomes one event in the log.
struct StoreEventsTests {
    func text(_ event: StoreEvent) -> String {
        var output: [UInt8] = []
        event.append(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func anAppliedRatingIsLoggedWithTheStoresSequenceAndItsDocumentBytes() throws {
        let store = Store()
        let outcome = TestFixtures.apply(store, .rating(.created, TestFixtures.rating("r1", importance: 3)))
        #expect(outcome == .applied(sequence: 1))
        guard case .events(let events, _) = store.events.replay(after: 0) else {
            Issue.record("expected events")
            return
        }
        let event = try #require(events.first)
        #expect(events.count == 1)
        #expect(event.sequence == 1 && event.kind == .rating && event.ticker == "AAPL" && event.importance == 3)
        let document = try #require(store.ratingDocument(id: "r1"))
        #expect(event.body == document.json)
        #expect(text(event) == "id: 1\nevent: rating\ndata: " + TestFixtures.text(document.json) + "\n\n")
    }

    @Test func aStoreNumbersItsChangesOnFromItsLogsStartSoVersionsDifferFromAnEarlierRun() throws {
        let store = Store(events: EventLog(capacity: 10, startingAfter: 7_000))
        let outcome = TestFixtures.apply(store, .rating(.created, TestFixtures.rating("r1")))
        #expect(outcome == .applied(sequence: 7_001))
        #expect(store.events.lastSequence == 7_001)
        let document = try #require(store.ratingDocument(id: "r1"))
        #expect(document.version == 7_001)
    }

    @Test func duplicatesAndStaleChangesAreNotLogged() {
        let store = Store()
        TestFixtures.apply(store, .rating(.created, TestFixtures.rating("r1")), envelope: "e1")
        TestFixtures.apply(store, .rating(.created, TestFixtures.rating("r1")), envelope: "e1")
        TestFixtures.apply(store, .rating(.updated, TestFixtures.rating("r1", updated: 1)))
        #expect(store.events.count == 1)
        #expect(store.events.lastSequence == 1)
    }

    @Test func deletesCarryTheDeletedRecordsTickerAndTheirTimestamps() throws {
        let store = Store()
        TestFixtures.apply(store, .rating(.created, TestFixtures.rating("r1", ticker: "MSFT")))
        TestFixtures.apply(store, .ratingDeleted(id: "r1", updated: TestFixtures.seconds(1_728_069_700), timestamp: nil))
        guard case .events(let events, _) = store.events.replay(after: 1) else {
            Issue.record("expected events")
            return
        }
        let event = try #require(events.first)
        #expect(event.kind == .ratingDeleted && event.ticker == "MSFT" && event.sequence == 2)
        let object = try #require(TestFixtures.object(event.body))
        #expect(object["id"] as? String == "r1")
        #expect(object["ticker"] as? String == "MSFT")
        #expect(object["updated_at"] as? String == "2024-10-04T19:21:40Z")
        #expect(object["deleted_at"] as? String == TestFixtures.receivedAt.rfc3339)
    }

    @Test func theListenerHearsEachAppliedChangeInOrderAfterTheLogHasIt() {
        let store = Store()
        let heard = Mutex<[(UInt64, UInt64)]>([])
        store.events.setListener { event in
            let last = store.events.lastSequence
            heard.withLock { $0.append((event.sequence, last)) }
        }
        TestFixtures.apply(store, .consensus(TestFixtures.consensus("AAPL")))
        TestFixtures.apply(store, .insight(.created, TestFixtures.insight("i1")))
        let events = heard.withLock { $0 }
        #expect(events.map(\.0) == [1, 2])
        #expect(events.allSatisfy { $0.1 >= $0.0 })
    }

    @Test func theConsensusSnapshotIsCurrentAtTheSequenceItNames() {
        let store = Store()
        TestFixtures.apply(store, .consensus(TestFixtures.consensus("MSFT")))
        TestFixtures.apply(store, .consensus(TestFixtures.consensus("AAPL")))
        TestFixtures.apply(store, .rating(.created, TestFixtures.rating("r1")))
        let all = store.consensusSnapshot(tickers: nil)
        #expect(all.sequence == 3)
        #expect(all.documents.compactMap { TestFixtures.object($0)?["ticker"] as? String } == ["AAPL", "MSFT"])
        let some = store.consensusSnapshot(tickers: ["MSFT", "NONE"])
        #expect(some.documents.count == 1)
    }
}
