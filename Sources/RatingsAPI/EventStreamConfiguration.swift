/// What `GET /events` can be tuned with; every value has the default the README and the
/// OpenAPI document state.
public struct EventStreamConfiguration: Sendable, Equatable {
    /// Streams open at once (`--max-subscribers`); the next one gets 503.
    public var maxSubscribers: Int
    /// A comment is sent to a stream that was sent nothing for this long (`--sse-heartbeat`),
    /// so proxies and clients see the connection alive.
    public var heartbeat: Duration
    /// The `retry:` every stream starts with: milliseconds a client waits before reconnecting
    /// (`--sse-retry`).
    public var retryMilliseconds: Int
    /// The most bytes of missed events a resume replays; beyond it the client gets `reset`
    /// (a replay larger than the stream's output buffer would only overflow it again and again).
    public var maxReplayBytes: Int
    /// `Retry-After` of the 503 sent above `maxSubscribers`.
    public var retryAfterSeconds: Int

    /// The documented defaults: 10 000 subscribers, 15 s heartbeat, 3 s retry, 512 KiB replay
    /// (half of the server's 1 MiB output buffer), 5 s Retry-After.
    public init(
        maxSubscribers: Int = 10_000, heartbeat: Duration = .seconds(15), retryMilliseconds: Int = 3_000,
        maxReplayBytes: Int = 512 * 1024, retryAfterSeconds: Int = 5
    ) {
        self.maxSubscribers = max(0, maxSubscribers)
        self.heartbeat = heartbeat
        self.retryMilliseconds = max(0, retryMilliseconds)
        self.maxReplayBytes = max(0, maxReplayBytes)
        self.retryAfterSeconds = max(1, retryAfterSeconds)
    }
}
