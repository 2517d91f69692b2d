/// Everything one event loop knows about one client connection.
///
/// Not `Sendable`: created, used and closed on its loop's thread only. Holds no memory for
/// input or output until it needs it, so ten thousand idle keep-alive connections cost little.
///
/// Its stored `var`s are `@exclusivity(unchecked)`: the runtime's dynamic exclusivity check on
/// every access of a class property (`swift_beginAccess`, a thread-local access set) was 8% of
/// a loop's CPU under `wrk`. It is safe to drop because one thread uses a connection and no
/// access overlaps another: nothing is called back while a property is being modified.
final class Connection {
    /// A request whose head is parsed and whose body is still arriving.
    struct PendingBody {
        var request: HTTPRequest
        var keepAlive: Bool
        /// Bytes still expected for a `Content-Length` body.
        var remaining: Int
        /// The decoder of a chunked body, or nil for a `Content-Length` body.
        var chunked: ChunkedBodyDecoder?
    }

    /// The long-lived response being sent.
    struct ActiveStream {
        let writer: HTTPStreamWriter
        /// Chunked (HTTP/1.1; the connection survives the stream) or close-delimited (HTTP/1.0).
        let chunked: Bool
        let keepAlive: Bool
    }

    /// The connection's socket; closing it is what closes the connection.
    let socket: FileDescriptor
    /// Its slot in the loop's table, also its epoll token.
    let id: ConnectionID
    /// Whether this connection is within `maxConnections`, rather than one held just to send 503.
    let countsAgainstCap: Bool
    /// Phase and deadlines.
    @exclusivity(unchecked) var lifecycle: ConnectionLifecycle
    /// The deadline of this connection's live entry in the loop's deadline queue, if any.
    @exclusivity(unchecked) var scheduledDeadline: Int64?

    /// Received bytes not yet consumed: part of a head, or requests paused by backpressure.
    @exclusivity(unchecked) var input: ByteBuffer?
    /// The parser's place in a head that arrives in pieces.
    @exclusivity(unchecked) var headProgress = HTTPHeadProgress()
    /// A request waiting for the rest of its body.
    @exclusivity(unchecked) var pendingBody: PendingBody?
    /// Complete requests wait in `input` because output was over its limit.
    @exclusivity(unchecked) var inputPaused = false
    /// Edge-triggered readiness: the last read did not show the socket drained.
    @exclusivity(unchecked) var readable = false
    /// epoll reported the peer's FIN (EPOLLRDHUP); end of file follows the data still unread.
    @exclusivity(unchecked) var finReceived = false
    /// The peer sent end of file and every byte before it was read.
    @exclusivity(unchecked) var peerClosed = false

    /// Bytes the kernel has not taken yet.
    @exclusivity(unchecked) var output: ByteBuffer?
    /// Edge-triggered readiness: the last send did not fill the socket buffer.
    @exclusivity(unchecked) var writable = true
    /// The streamed response in progress, if any.
    @exclusivity(unchecked) var stream: ActiveStream?
    /// Set once the connection switched protocols: input goes to it, not to the HTTP parser.
    /// Its output runs through `stream` (unchunked, never kept alive).
    @exclusivity(unchecked) var upgraded: HTTPUpgradedConnection?
    /// The stream is subscribed to the server's broadcast hub on this loop.
    @exclusivity(unchecked) var broadcasting = false
    /// The unsent count last told to the stream's writer; -1 after the writer counted new bytes
    /// itself (`takeWork`), so the next flush reports whatever the count is.
    @exclusivity(unchecked) var reportedUnsent = 0

    /// A connection just accepted, owning `socket`.
    init(socket: FileDescriptor, id: ConnectionID, countsAgainstCap: Bool, lifecycle: ConnectionLifecycle) {
        self.socket = socket
        self.id = id
        self.countsAgainstCap = countsAgainstCap
        self.lifecycle = lifecycle
    }

    /// Unsent bytes held for this connection.
    @inline(__always) var unsentCount: Int { output?.count ?? 0 }

    /// Unconsumed received bytes.
    @inline(__always) var bufferedInputCount: Int { input?.count ?? 0 }

    /// Whether bytes of a request that is not finished have arrived.
    var hasPartialRequest: Bool { bufferedInputCount > 0 || pendingBody != nil }
}
