import Synchronization
import Testing
@testable import LiveState

/// The bounded event log: what it keeps and what a resuming client is given.
struct EventLogTests {
    func log(capacity: Int, appending count: Int) -> EventLog {
        let log = EventLog(capacity: capacity)
        for sequence in 1...UInt64(count) {
            log.append(StoreEvent(sequence: sequence, kind: .consensus, ticker: "T\(sequence)", importance: nil, document: Array("{}".utf8)))
        }
        return log
    }

    func sequences(_ replay: EventReplay) -> [UInt64]? {
        guard case .events(let events, _) = replay else { return nil }
        return events.map(\.sequence)
    }

    @Test func keepsTheNewestCapacityEventsInOrder() {
        let log = log(capacity: 5, appending: 12)
        #expect(log.count == 5)
        #expect(log.oldestSequence == 8)
        #expect(log.lastSequence == 12)
        #expect(sequences(log.replay(after: 7)) == [8, 9, 10, 11, 12])
    }

    @Test func replayGivesExactlyTheMissedEventsUpToTheBound() {
        let log = log(capacity: 100, appending: 20)
        #expect(sequences(log.replay(after: 15)) == [16, 17, 18, 19, 20])
        #expect(sequences(log.replay(after: 15, through: 17)) == [16, 17])
        #expect(sequences(log.replay(after: 20)) == [])
        #expect(sequences(log.replay(after: 0)) == Array(1...20))
    }

    @Test func anIdOlderThanTheLogIsAGapNamingTheOldestHeld() {
        let log = log(capacity: 5, appending: 12)
        guard case .gap(let oldest, let last) = log.replay(after: 6) else {
            Issue.record("expected a gap")
            return
        }
        #expect(oldest == 8)
        #expect(last == 12)
        // The event just before the oldest held is still a clean resume.
        #expect(sequences(log.replay(after: 7))?.first == 8)
    }

    @Test func anIdNewerThanAnyIssuedIsAGapAsAfterARestart() {
        let log = log(capacity: 5, appending: 3)
        guard case .gap(let oldest, let last) = log.replay(after: 900) else {
            Issue.record("expected a gap")
            return
        }
        #expect(oldest == 1)
        #expect(last == 3)
    }

    @Test func anEmptyLogResumesFromZeroAndGapsAnythingElse() {
        let log = EventLog(capacity: 10)
        #expect(sequences(log.replay(after: 0)) == [])
        #expect(sequences(log.replay(after: 1)) == nil)
        #expect(log.oldestSequence == nil)
    }

    @Test func aLogStartingAfterABaseGapsEveryEarlierIdEvenBeforeItsFirstEvent() {
        let log = EventLog(capacity: 10, startingAfter: 5_000)
        #expect(log.lastSequence == 5_000)
        #expect(sequences(log.replay(after: 5_000)) == [])
        guard case .gap(let oldest, let last) = log.replay(after: 42) else {
            Issue.record("an id of an earlier run must be a gap")
            return
        }
        #expect(oldest == nil && last == 5_000)
    }

    @Test func theSequenceBaseIsTheStartInMicrosecondsSoIdsGrowAcrossRestarts() {
        let first = EventLog.sequenceBase(startingAt: Timestamp(millisecondsSinceEpoch: 1_763_700_000_000))
        let restart = EventLog.sequenceBase(startingAt: Timestamp(millisecondsSinceEpoch: 1_763_700_000_001))
        #expect(first == 1_763_700_000_000_000)
        // A run lasting a millisecond may issue up to a thousand ids before the next run starts above them.
        #expect(restart - first == 1_000)
        #expect(restart < 1 << 53)
    }

    @Test func aListenerHearsHundredsOfThousandsOfEventsWithoutSlowingDown() {
        // A closure kept directly in the log's Mutex grew by a reabstraction thunk per publish:
        // each call walked the whole chain and some 100 000 events later overflowed the stack.
        let log = EventLog(capacity: 10)
        let heard = Mutex(0)
        log.setListener { _ in heard.withLock { $0 += 1 } }
        let event = StoreEvent(sequence: 1, kind: .consensus, ticker: "T", importance: nil, document: Array("{}".utf8))
        let start = ContinuousClock.now
        for _ in 0..<300_000 { log.publish(event) }
        #expect(heard.withLock { $0 } == 300_000)
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}

