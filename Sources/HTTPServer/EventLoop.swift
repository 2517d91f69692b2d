import CHTTPSystem
import Glibc
import Logging

/// One epoll reactor on one thread: accepts, reads, parses, calls the responder, writes.
///
/// Not `Sendable`: everything here runs on the loop's own thread. Other threads reach it only
/// through its `EventLoopMailbox`. Per-request work reuses loop-wide buffers: input is read into
/// one read buffer and responses are serialised into one scratch buffer; a connection only gets
/// buffers of its own when bytes must wait (a partial head, output the kernel did not take).
/// The state every request touches is `@exclusivity(unchecked)`, for the reason `Connection`
/// gives: one thread, and no access overlaps another.
final class EventLoop {
    /// epoll tokens of the listener and the wakeup eventfd; connection tokens never reach
    /// slot `UInt32.max - 1`.
    static let listenerToken = UInt64(UInt32.max)
    static let wakeupToken = UInt64(UInt32.max - 1)

    /// Position among the server's loops, for logs and the thread name.
    let index: Int
    /// Settings, responder and counters shared with the other loops.
    let context: ServerContext
    /// `context.configuration.limits`, kept at hand.
    let limits: HTTPLimits
    /// Where other threads leave work for this loop.
    let mailbox: EventLoopMailbox
    /// The loop's epoll instance.
    let epoll: Epoll
    /// The socket this loop accepts from; nil once shutting down.
    var listener: ListeningSocket?
    /// The server's logger with this loop's index as metadata.
    var logger: Logger

    /// Open connections by slot.
    @exclusivity(unchecked) var table = ConnectionTable()
    /// When connections next need attention.
    @exclusivity(unchecked) var deadlines = DeadlineQueue()
    /// The request parser, configured with `limits`.
    let parser: HTTPRequestParser
    /// Header spans of the head being parsed (`maxHeaderCount` entries, allocated once).
    let headerSpans: UnsafeMutableBufferPointer<HTTPHeaderSpan>
    /// Where every connection's input is read and parsed.
    let readBuffer: UnsafeMutableRawPointer
    /// Bytes in `readBuffer`: one read plus room for a partial head carried over.
    let readCapacity: Int
    /// Responses for the connection being served, when it has no unsent output of its own.
    let scratch = ByteBuffer(capacity: scratchRetainedCapacity)
    /// Scratch memory kept between responses; a larger response's memory is given back.
    static let scratchRetainedCapacity = 256 * 1024
    /// The `Date` line, re-rendered when the second changes.
    @exclusivity(unchecked) var date = HTTPDateCache()
    /// Streams posted since the last wakeup (storage swapped with the mailbox's).
    var postedStreams: [ConnectionID] = []
    /// Broadcast messages posted since the last wakeup (storage swapped likewise).
    var postedBroadcasts: [any HTTPBroadcastMessage] = []
    /// Sockets other loops handed over (storage swapped likewise).
    var postedAdoptions: [EventLoopMailbox.Adoption] = []
    /// Every loop's mailbox by index, this one's included, for handing connections over;
    /// set before the loop's thread starts.
    var peerMailboxes: [EventLoopMailbox] = []
    /// The connection count last given to the balancer.
    var publishedConnectionCount = 0
    /// Streams subscribed to the server's broadcast hub on this loop.
    var broadcastSubscribers = BroadcastSubscribers()
    /// Where a subscriber's bytes for one message are assembled (reused).
    var broadcastScratch: [UInt8] = []
    /// When idle subscribers are next checked for a heartbeat; nil without subscribers.
    var nextIdleSweep: Int64?
    /// This loop's share of the hub's queued bytes as last reported.
    var reportedQueuedBytes = 0
    /// The last request's header list, recycled so parsing a request allocates no list.
    @exclusivity(unchecked) var recycledHeaders = HTTPHeaders(minimumCapacity: 16)
    /// The four timeouts, in nanoseconds.
    let timeouts: ConnectionLifecycle.Timeouts

    /// The coarse monotonic clock in nanoseconds, read once per wakeup.
    @exclusivity(unchecked) var now: Int64 = 0
    /// A graceful shutdown has begun: no accepts, no keep-alive.
    @exclusivity(unchecked) var shuttingDown = false
    /// When a shutdown stops waiting for connections to finish.
    var shutdownDeadline: Int64?
    /// Accepting resumes at this time after descriptor exhaustion.
    var acceptPausedUntil: Int64?
    /// Throttles for warnings an attacker or an overload could otherwise repeat without end.
    var acceptWarnings = LogThrottle(interval: .seconds(10))
    var capWarnings = LogThrottle(interval: .seconds(10))
    var responseWarnings = LogThrottle(interval: .seconds(10))
    /// Clock granularity added to epoll timeouts so a wakeup never comes before the coarse
    /// clock shows the deadline (which would spin).
    private let clockResolutionMilliseconds: Int32

    /// A loop serving `listener`, with its own epoll instance and wakeup eventfd.
    init(index: Int, context: ServerContext, listener: ListeningSocket) throws(SocketError) {
        self.index = index
        self.context = context
        let configuration = context.configuration
        limits = configuration.limits
        epoll = try Epoll(capacity: configuration.eventsPerWait)
        mailbox = EventLoopMailbox(wakeup: try LoopWakeup())
        self.listener = listener
        var logger = context.logger
        logger[metadataKey: "loop"] = "\(index)"
        self.logger = logger
        parser = HTTPRequestParser(limits: limits)
        headerSpans = .allocate(capacity: max(1, limits.maxHeaderCount))
        readCapacity = configuration.readBufferSize + limits.maxHeadLength
        readBuffer = .allocate(byteCount: readCapacity, alignment: 16)
        timeouts = ConnectionLifecycle.Timeouts(limits)
        var resolution = timespec()
        clock_getres(CLOCK_MONOTONIC_COARSE, &resolution)
        clockResolutionMilliseconds = Int32(clamping: resolution.tv_nsec / 1_000_000 + 1)
        let listenerInterest = EPOLLIN.rawValue | (listener.isShared ? EPOLLEXCLUSIVE.rawValue : 0)
        try epoll.add(listener.rawValue, interest: listenerInterest, token: Self.listenerToken)
        try epoll.add(mailbox.wakeup.rawValue, interest: EPOLLIN.rawValue, token: Self.wakeupToken)
        updateClock()
    }

    deinit {
        headerSpans.deallocate()
        readBuffer.deallocate()
    }

    /// Serves until a shutdown finishes; returns on the loop's thread when every connection is gone.
    func run() {
        while true {
            let ready: Int
            do {
                ready = try epoll.wait(timeoutMilliseconds: waitTimeout())
            } catch {
                logger.critical("epoll_wait failed; event loop stops", metadata: ["error": "\(error)"])
                break
            }
            updateClock()
            for k in 0..<ready {
                let (token, events) = epoll.event(at: k)
                switch token {
                case Self.listenerToken: acceptConnections()
                case Self.wakeupToken: handleMailbox()
                default:
                    guard let connection = table.lookup(ConnectionID(token: token)) else { continue }
                    handle(connection, events: events)
                }
            }
            expireDeadlines()
            if table.count != publishedConnectionCount { publishConnectionCount() }
            if let sweep = nextIdleSweep, now >= sweep { sweepIdleSubscribers() }
            if shuttingDown && (table.count == 0 || shutdownDeadline.map({ now >= $0 }) == true) { break }
        }
        finish()
    }

    /// Reads both clocks: monotonic for deadlines, wall time for the `Date` header.
    @inline(__always)
    func updateClock() {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &time)
        now = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        clock_gettime(CLOCK_REALTIME_COARSE, &time)
        date.update(secondsSinceEpoch: Int(time.tv_sec))
    }

    /// Milliseconds until the earliest deadline, accept backoff or shutdown limit; -1 if none.
    private func waitTimeout() -> Int32 {
        var wake = deadlines.earliest
        if let paused = acceptPausedUntil { wake = min(wake ?? paused, paused) }
        if let limit = shutdownDeadline { wake = min(wake ?? limit, limit) }
        if let sweep = nextIdleSweep { wake = min(wake ?? sweep, sweep) }
        guard let wake else { return -1 }
        let milliseconds = max(0, (wake - now) / 1_000_000)
        return Int32(clamping: milliseconds) + clockResolutionMilliseconds
    }

    /// Dispatches one connection's epoll event.
    @inline(__always)
    private func handle(_ connection: Connection, events: UInt32) {
        if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 {
            close(connection, streamReason: .clientDisconnected, why: "connection error or hang-up")
            return
        }
        if events & EPOLLOUT.rawValue != 0 { connection.writable = true }
        if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 {
            connection.readable = true
            if events & EPOLLRDHUP.rawValue != 0 {
                connection.finReceived = true
                // An upgraded connection reads what came before the FIN and delivers it first.
                if connection.stream != nil && connection.upgraded == nil {
                    close(connection, streamReason: .clientDisconnected, why: "client closed during a stream")
                    return
                }
            }
        }
        service(connection)
    }
}
