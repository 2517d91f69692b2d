import WebSocket

/// How a `FeedConsumer` runs its thread, besides the connection policy.
public struct FeedConsumerOptions: Sendable {
    /// The longest single wait for a frame, so the thread notices `stop()` and heartbeat
    /// deadlines promptly.
    public var receivePollInterval: Duration = .milliseconds(200)
    /// Most frames taken one after another from input already read before the connection
    /// state is updated (one lock for the batch): `/status` counters lag by at most this many
    /// frames, and only while frames arrive back to back.
    public var framesPerVisit: Int = 64
    /// How long `stop()` waits for the thread to end (a connect under way must time out first).
    public var stopTimeout: Duration = .seconds(15)
    /// Settings of each WebSocket connection (timeouts, message size, CA file, proxy).
    public var client = WebSocketClientConfiguration()

    /// The defaults above, with a user agent naming the service.
    public init() {
        client.userAgent = "ratingsd"
    }
}
