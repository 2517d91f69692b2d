/// The timing rules of a feed connection: backoff, auth and rate-limit pauses, heartbeat.
///
/// Defaults follow Benzinga's guidance (a text `ping` every 30-60 s) and what a client that
/// runs for months needs: quick first retries, a 30 s ceiling, and minutes, not seconds,
/// between attempts with a token the upstream refuses.
public struct FeedConnectionPolicy: Sendable, Equatable {
    /// The backoff ceiling of the first retry; each further attempt doubles it.
    public var initialBackoff: Duration = .milliseconds(500)
    /// The highest backoff ceiling (full jitter draws below it).
    public var maxBackoff: Duration = .seconds(30)
    /// How long a connection must stay open for the next loss to start backoff afresh.
    public var stableConnection: Duration = .seconds(60)
    /// The pause after a 401 or 403 on the upgrade: a refused token will not fix itself in
    /// seconds, and hammering the upstream with it may get the account blocked.
    public var authFailureBackoff: Duration = .seconds(300)
    /// The pause after a 429 on the upgrade ("too many connections for this token"): the
    /// other connection holding the token rarely goes away within seconds.
    public var tooManyConnectionsBackoff: Duration = .seconds(60)
    /// The longest pause (full jitter below it) before reconnecting after an open connection
    /// that delivered data was lost: the upstream's replay holds only its last 100 messages,
    /// so a prompt reconnect is what lets replay cover the gap.
    public var quickReconnectJitter: Duration = .milliseconds(50)
    /// Quick reconnects allowed in a row before losses back off exponentially again, so an
    /// upstream that drops every connection after a message is not hammered; a connection
    /// stable for `stableConnection` restores the allowance.
    public var maxQuickReconnects: Int = 100
    /// How often the text `ping` is sent while open.
    public var heartbeatInterval: Duration = .seconds(30)
    /// Heartbeat intervals without any frame after which the connection counts as dead.
    public var silentIntervalsBeforeDead: Int = 2

    /// The defaults above.
    public init() {}

    /// How long a connection may be silent before it counts as dead.
    public var deadAfter: Duration { heartbeatInterval * max(1, silentIntervalsBeforeDead) }
}
