/// A consistent-enough snapshot of a hub's counters (each read atomically, not all together).
public struct HTTPBroadcastStatistics: Sendable, Equatable {
    /// Streams subscribed right now, across all loops.
    public var subscribers: Int
    /// Subscribers disconnected because their unsent output would have exceeded the limit.
    public var overflowDisconnects: Int
    /// Bytes subscribers' connections hold unsent, as of each loop's latest delivery.
    public var queuedBytes: Int
    /// Messages published so far.
    public var messagesPublished: Int

    /// A snapshot with these values.
    public init(subscribers: Int = 0, overflowDisconnects: Int = 0, queuedBytes: Int = 0, messagesPublished: Int = 0) {
        self.subscribers = subscribers
        self.overflowDisconnects = overflowDisconnects
        self.queuedBytes = queuedBytes
        self.messagesPublished = messagesPublished
    }
}
