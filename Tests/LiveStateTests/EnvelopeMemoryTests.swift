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

    @Test func agreesWithASetAndQueueOverManyEvictions() {
        // Ids repeat at random distances around the capacity, so the table evicts through long
        // clusters and across its wrap-around, and grows from its smallest size on the way.
        let capacity = 300
        var memory = EnvelopeMemory(capacity: capacity)
        var held: Set<String> = []
        var order: [String] = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let id = "envelope-\(Int.random(in: 0..<700, using: &generator))"
            let expected = !held.contains(id)
            if expected {
                held.insert(id)
                order.append(id)
                if order.count > capacity { held.remove(order.removeFirst()) }
            }
            #expect(memory.insert(id) == expected)
        }
    }
}
