import Testing
@testable import HTTPServer

@Suite struct DeadlineQueueTests {
    @Test func popsEntriesInDeadlineOrderOnlyOnceDue() {
        var queue = DeadlineQueue()
        for (deadline, slot) in [(50, 1), (10, 2), (30, 3), (20, 4), (40, 5)] {
            queue.push(.init(deadline: Int64(deadline), connection: ConnectionID(slot: UInt32(slot), generation: 1)))
        }
        #expect(queue.earliest == 10)
        #expect(queue.popExpired(at: 5) == nil)
        var popped: [Int64] = []
        while let entry = queue.popExpired(at: 35) { popped.append(entry.deadline) }
        #expect(popped == [10, 20, 30])
        #expect(queue.count == 2)
        #expect(queue.earliest == 40)
    }
}
