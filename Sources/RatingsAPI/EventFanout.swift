import HTTPServer
import LiveState
import Synchronization

/// Delivers every store event to the `GET /events` streams that want it, on the server's own
/// event loops.
///
/// The store appends each applied change to its `EventLog` (encoded once) and hands it here on
/// the writer's thread; this publishes one shared `EventMessage` to the `HTTPBroadcastHub`,
/// which wakes each loop once per burst, and each loop appends the bytes to its matching
/// subscribers' output and sends each subscriber everything of that burst with one `send`.
/// The writer never waits for a subscriber. Give `broadcastHub` to `HTTPServer.init`.
public final class EventFanout: Sendable {
    /// Limits, heartbeat and retry.
    public let configuration: EventStreamConfiguration
    /// The hub the HTTP server must be created with.
    public let broadcastHub: HTTPBroadcastHub
    /// Where events, snapshots and replays come from.
    let store: Store
    /// Told, on the stream's loop, when a stream is dropped for not reading (its output buffer
    /// overflowed, or its pending output made no progress for the server's send timeout); gets
    /// the last id it was sent, from which the client can resume, and the reason.
    let onSlowClient: @Sendable (_ lastID: UInt64, _ reason: HTTPStreamCloseReason) -> Void
    /// Streams admitted (counted from the response until the stream closes).
    private let admitted = Atomic<Int>(0)
    private let rejected = Atomic<Int>(0)
    /// Streams closed because their output made no progress for the send timeout.
    let stalled = Atomic<Int>(0)
    /// `retry:` and the heartbeat, encoded once.
    let retryBytes: [UInt8]

    /// A fan-out of `store`'s events; registers itself as the store's event listener.
    public init(
        store: Store, configuration: EventStreamConfiguration = EventStreamConfiguration(),
        onSlowClient: @escaping @Sendable (_ lastID: UInt64, _ reason: HTTPStreamCloseReason) -> Void = { _, _ in }
    ) {
        self.store = store
        self.configuration = configuration
        self.onSlowClient = onSlowClient
        broadcastHub = HTTPBroadcastHub(
            idleInterval: configuration.heartbeat, idleBytes: EventStreamEncoder.comment("heartbeat"))
        retryBytes = EventStreamEncoder.retry(milliseconds: configuration.retryMilliseconds)
        store.events.setListener { [weak self] event in self?.publish(event) }
    }

    /// Hands one event to every loop; nothing to do while nobody subscribes. (A stream being
    /// admitted is counted before it reads the log, so an event it did not see in the log
    /// finds it counted here.)
    func publish(_ event: StoreEvent) {
        guard admitted.load(ordering: .sequentiallyConsistent) > 0 else { return }
        broadcastHub.publish(EventMessage(event))
    }

    /// Counts a new stream in; false (and counted as rejected) at the cap.
    func admit() -> Bool {
        if admitted.add(1, ordering: .sequentiallyConsistent).newValue <= configuration.maxSubscribers { return true }
        admitted.subtract(1, ordering: .sequentiallyConsistent)
        rejected.add(1, ordering: .relaxed)
        return false
    }

    /// Counts a stream out.
    func release() {
        admitted.subtract(1, ordering: .sequentiallyConsistent)
    }

    /// The counters and the log's window now.
    public var statistics: EventStreamStatistics {
        let hub = broadcastHub.statistics
        let log = store.events
        return EventStreamStatistics(
            subscribers: admitted.load(ordering: .relaxed), maxSubscribers: configuration.maxSubscribers,
            rejectedSubscribers: rejected.load(ordering: .relaxed), overflowDisconnects: hub.overflowDisconnects,
            stalledDisconnects: stalled.load(ordering: .relaxed),
            queuedBytes: hub.queuedBytes, eventsPublished: hub.messagesPublished, logCount: log.count,
            logCapacity: log.capacity, oldestID: log.oldestSequence, lastID: log.count == 0 ? nil : log.lastSequence)
    }
}
