import LiveState

/// A snapshot of one feed connection for `/status`, `/readyz` and logs; holds no secret.
public struct FeedStatus: Sendable, Equatable {
    /// `ratings`, `consensus`, `insights`, or `consensus[AAPL]` for a per-ticker connection.
    public var name: String
    /// The stream.
    public var source: FeedSource
    /// Where the connection stands.
    public var phase: FeedPhase
    /// `scheme://host/path`, never the query.
    public var url: String
    /// When the current connection opened; nil unless open.
    public var connectedSince: Timestamp?
    /// When the last data message arrived.
    public var lastMessageAt: Timestamp?
    /// When the next connect is due while backing off or stopped for auth.
    public var retryAt: Timestamp?
    /// Data messages received.
    public var messages: Int
    /// Connects made after a failure or loss.
    public var reconnects: Int
    /// The latest failure's description (never the token or the URL's query).
    public var lastError: String?
    /// Whether the upstream refused the token on the latest attempt.
    public var authFailure: Bool
    /// Whether a connection has opened at least once.
    public var hasConnected: Bool
    /// Consensus messages held until a rating or insight names their ISIN (shared by every
    /// consensus connection; 0 on the other feeds).
    public var pending: Int = 0

    /// The status of a feed that does not run.
    public static func disabled(_ configuration: FeedConfiguration) -> FeedStatus {
        FeedStatus(
            name: configuration.name, source: configuration.source, phase: .disabled,
            url: configuration.redactedURL, messages: 0, reconnects: 0, authFailure: false, hasConnected: false)
    }
}
