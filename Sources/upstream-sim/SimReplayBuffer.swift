/// The last messages sent on a path, which a `replay` command sends again (Benzinga keeps 100).
struct SimReplayBuffer: Sendable {
    /// How many messages are kept.
    let capacity: Int
    private var storage: [SimMessage] = []
    /// Where the next message goes once the buffer is full.
    private var next = 0

    /// An empty buffer keeping up to `capacity` messages.
    init(capacity: Int) {
        self.capacity = max(0, capacity)
        storage.reserveCapacity(self.capacity)
    }

    /// Keeps `message`, forgetting the oldest when full.
    mutating func append(_ message: SimMessage) {
        guard capacity > 0 else { return }
        if storage.count < capacity {
            storage.append(message)
        } else {
            storage[next] = message
            next = (next + 1) % capacity
        }
    }

    /// The kept messages, oldest first.
    var messages: [SimMessage] {
        Array(storage[next...] + storage[..<next])
    }
}
