/// Why a feed connection could not be opened or was lost, as the state machine sees it.
///
/// Descriptions are built from the WebSocket module's errors and closures, which never hold
/// the URL's query; they are what `/status` shows as the last error.
public enum FeedFailure: Sendable, Equatable, CustomStringConvertible {
    /// The upgrade was refused with 401 or 403: the token is wrong or not entitled.
    case unauthorized(status: Int)
    /// The upgrade was refused with 429: the token's connection limit is used up.
    case tooManyConnections
    /// The connection could not be opened (DNS, TCP, TLS, another status, bad handshake).
    case connectFailed(String)
    /// An open connection ended: closed by the peer, a protocol violation, a transport error.
    case connectionLost(String)
    /// An open connection carried no frame at all for this long.
    case silent(Duration)

    /// One line for logs and `/status`.
    public var description: String {
        switch self {
        case .unauthorized(let status):
            "upstream refused the token (HTTP \(status)); retrying slowly until it is fixed"
        case .tooManyConnections:
            "too many connections for this token (HTTP 429)"
        case .connectFailed(let detail): "could not connect: \(detail)"
        case .connectionLost(let detail): detail
        case .silent(let duration): "no frame for \(duration.components.seconds) s: connection presumed dead"
        }
    }
}
