/// The state of `GET /events` for `/status` (and for `/metrics`, which can render the same
/// snapshot): subscribers, what was dropped, what is queued, and the log's window.
public struct EventStreamStatistics: Sendable, Equatable {
    /// Streams open now.
    public var subscribers: Int
    /// The configured cap.
    public var maxSubscribers: Int
    /// Streams refused with 503 because the cap was reached.
    public var rejectedSubscribers: Int
    /// Streams disconnected for not reading fast enough (output buffer overflow).
    public var overflowDisconnects: Int
    /// Streams disconnected because their pending output made no progress for the server's send
    /// timeout (a client that stopped reading before its buffer could overflow).
    public var stalledDisconnects: Int
    /// Bytes written for subscribers that their connections have not sent yet.
    public var queuedBytes: Int
    /// Events handed to the event loops since start (only while someone subscribes).
    public var eventsPublished: Int
    /// Events the log holds, and at most.
    public var logCount: Int
    public var logCapacity: Int
    /// The oldest and newest ids held (nil while the log is empty).
    public var oldestID: UInt64?
    public var lastID: UInt64?

    /// A snapshot with these values.
    public init(
        subscribers: Int = 0, maxSubscribers: Int = 0, rejectedSubscribers: Int = 0, overflowDisconnects: Int = 0, stalledDisconnects: Int = 0,
        queuedBytes: Int = 0, eventsPublished: Int = 0, logCount: Int = 0, logCapacity: Int = 0,
        oldestID: UInt64? = nil, lastID: UInt64? = nil
    ) {
        self.subscribers = subscribers
        self.maxSubscribers = maxSubscribers
        self.rejectedSubscribers = rejectedSubscribers
        self.overflowDisconnects = overflowDisconnects
        self.stalledDisconnects = stalledDisconnects
        self.queuedBytes = queuedBytes
        self.eventsPublished = eventsPublished
        self.logCount = logCount
        self.logCapacity = logCapacity
        self.oldestID = oldestID
        self.lastID = lastID
    }
}
