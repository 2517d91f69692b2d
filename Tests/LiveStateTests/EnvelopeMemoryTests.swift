import Testing
@testable import LiveState

@Suite struct EnvelopeMemoryTests {
    /// Inserts each id in turn and returns whether each was new.
    private func inserting(_ ids: [String], capacity: Int) -> [Bool] {
        var memory = EnvelopeMemory(capacity: capacity)
        return ids.map { memory.insert($0) }
    }

    @Test func recognisesAnIdSeenBefore() {
        #expect(inserting(["a", "b", "a"], capacity: 10) == [true, true, false])
    }

    @Test func forgetsTheOldestIdsBeyondItsCapacity() {
        #expect(inserting(["a", "b", "c", "a", "c"], capacity: 2) == [true, true, true, true, false])
    }

    @Test func remembersNothingAtCapacityZero() {
        #expect(inserting(["a", "a"], capacity: 0) == [true, true])
    }
}
