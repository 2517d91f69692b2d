/// Every bound the server puts on a peer: sizes, counts and times, each with a default.
///
/// Sizes are checked before anything is buffered past them, so no allocation is ever sized by
/// what a client claims. Times are measured on the loop's coarse monotonic clock (a few ms).
public struct HTTPLimits: Sendable, Equatable {
    /// Longest request line without its CRLF; longer gets 414.
    public var maxRequestLineLength: Int = 8 * 1024
    /// Longest request head (request line, headers, blank line); longer gets 431.
    public var maxHeadLength: Int = 16 * 1024
    /// Most header fields in a head; more gets 431.
    public var maxHeaderCount: Int = 100
    /// Largest request body; more gets 413 (the API reads no bodies; this only bounds them).
    public var maxBodyLength: Int = 64 * 1024
    /// Longest chunk-size line of a chunked body, extensions included; longer gets 400.
    public var maxChunkLineLength: Int = 1024
    /// Time from a request's first byte (or from accept) to its complete head and body;
    /// a client slower than this gets 408 and is closed.
    public var headTimeout: Duration = .seconds(10)
    /// How long a keep-alive connection may sit between requests before it is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// How long pending output may make no progress (a client not reading) before closing.
    public var sendTimeout: Duration = .seconds(30)
    /// After a final response on a connection that is closing, how long to keep reading and
    /// discarding input so the kernel does not reset the connection before the client reads it.
    public var lingerTimeout: Duration = .seconds(2)
    /// Most unsent bytes per connection: a stream write beyond it closes that stream; for
    /// ordinary responses it pauses reading pipelined requests until the client catches up.
    public var outputBufferLimit: Int = 1024 * 1024
    /// Length of the kernel's queue of connections not yet accepted (`listen` backlog).
    public var listenBacklog: Int = 1024
    /// How long a graceful shutdown waits for in-flight responses before closing everything.
    public var shutdownTimeout: Duration = .seconds(10)

    /// The defaults above.
    public init() {}
}
