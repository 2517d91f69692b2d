import LiveState

/// One upstream feed connection as `/status` shows it under `feeds`.
///
/// RatingsAPI does not depend on the Feeds module, so the executable copies each consumer's
/// status into this plain value; it holds nothing secret (the URL has no query).
public struct FeedReport: Sendable, Equatable {
    /// `ratings`, `consensus`, `insights`, or `consensus[AAPL]` for a per-ticker connection.
    public var name: String
    /// The stream the connection carries.
    public var source: FeedSource
    /// `disabled`, `idle`, `connecting`, `open`, `backing_off`, `stopped_for_auth` or `stopped`.
    public var state: String
    /// `scheme://host/path`, never the query (which holds the token).
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
    /// The latest failure, never holding the token.
    public var lastError: String?
    /// Whether the upstream refused the token on the latest attempt.
    public var authFailed: Bool
    /// Consensus messages held until a rating or insight names their ISIN (0 on other feeds).
    public var pending: Int

    /// A report; every optional left out is rendered as `null`.
    public init(
        name: String, source: FeedSource, state: String, url: String, connectedSince: Timestamp? = nil,
        lastMessageAt: Timestamp? = nil, retryAt: Timestamp? = nil, messages: Int = 0, reconnects: Int = 0,
        lastError: String? = nil, authFailed: Bool = false, pending: Int = 0
    ) {
        self.name = name
        self.source = source
        self.state = state
        self.url = url
        self.connectedSince = connectedSince
        self.lastMessageAt = lastMessageAt
        self.retryAt = retryAt
        self.messages = messages
        self.reconnects = reconnects
        self.lastError = lastError
        self.authFailed = authFailed
        self.pending = pending
    }
}
