import Testing
@testable import upstream_sim

/// The last messages kept for `replay`.
struct SimReplayBufferTests {
    func message(_ k: Int) -> SimMessage { SimMessage(bytes: Array("\(k)".utf8), ticker: nil) }

    @Test func keepsEverythingOldestFirstUntilFull() {
        var buffer = SimReplayBuffer(capacity: 3)
        #expect(buffer.messages.isEmpty)
        buffer.append(message(1))
        buffer.append(message(2))
        #expect(buffer.messages == [message(1), message(2)])
    }

    @Test func keepsOnlyTheLastCapacityMessagesOldestFirst() {
        var buffer = SimReplayBuffer(capacity: 100)
        for k in 1...250 { buffer.append(message(k)) }
        #expect(buffer.messages == (151...250).map(message))
    }

    @Test func aZeroCapacityKeepsNothing() {
        var buffer = SimReplayBuffer(capacity: 0)
        buffer.append(message(1))
        #expect(buffer.messages.isEmpty)
    }
}
