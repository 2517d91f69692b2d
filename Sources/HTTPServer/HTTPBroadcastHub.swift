import Synchronization

/// Fans messages out to many streams at once, on the streams' own event loops.
///
/// `publish` posts one reference to each loop's mailbox (waking each loop at most once per
/// burst); each loop then asks every stream subscribed on it (`HTTPStreamWriter.subscribe`)
/// for the bytes to send and appends them straight to the connection's output: no lock, no
/// allocation and no wakeup per subscriber. A subscriber whose unsent output would exceed
/// `HTTPLimits.outputBufferLimit` is disconnected (reason `.outputBufferOverflow`). With an
/// `idleInterval`, a subscriber that was sent nothing for that long is sent `idleBytes` (a
/// heartbeat), checked at least every eighth of the interval.
public final class HTTPBroadcastHub: Sendable {
    /// How long a subscriber may go without bytes before it is sent `idleBytes`; nil: never.
    public let idleInterval: Duration?
    /// The heartbeat.
    public let idleBytes: [UInt8]
    private let mailboxes = Mutex<[EventLoopMailbox]>([])
    let subscribers = Atomic<Int>(0)
    let overflowDisconnects = Atomic<Int>(0)
    let queuedBytes = Atomic<Int>(0)
    private let published = Atomic<Int>(0)

    /// A hub to pass to `HTTPServer.init`; it delivers nothing until the server starts.
    public init(idleInterval: Duration? = nil, idleBytes: [UInt8] = []) {
        self.idleInterval = idleBytes.isEmpty ? nil : idleInterval.flatMap { $0 > .zero ? $0 : nil }
        self.idleBytes = idleBytes
    }

    /// Delivers `message` to every subscriber, on its loop, after the messages published before
    /// it. Safe from any thread; never blocks on a subscriber.
    public func publish(_ message: any HTTPBroadcastMessage) {
        published.add(1, ordering: .relaxed)
        for mailbox in mailboxes.withLock({ $0 }) { mailbox.post(broadcast: message) }
    }

    /// The counters now.
    public var statistics: HTTPBroadcastStatistics {
        HTTPBroadcastStatistics(
            subscribers: subscribers.load(ordering: .relaxed),
            overflowDisconnects: overflowDisconnects.load(ordering: .relaxed),
            queuedBytes: max(0, queuedBytes.load(ordering: .relaxed)),
            messagesPublished: published.load(ordering: .relaxed))
    }

    /// The idle interval in nanoseconds, for the loops.
    var idleNanoseconds: Int64? {
        idleInterval.map { Int64($0.components.seconds) * 1_000_000_000 + $0.components.attoseconds / 1_000_000_000 }
    }

    /// Called by the server as it starts its loops.
    func attach(_ loops: [EventLoopMailbox]) {
        mailboxes.withLock { $0 = loops }
    }
}
