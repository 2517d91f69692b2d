/// Why a WebSocket connection could not be opened or used; never holds the URL's query.
///
/// The cases a feed consumer branches on are distinct: a refused upgrade carries its HTTP
/// status (401/403 mean "stop retrying fast", 429 "too many connections for this token"),
/// DNS, TCP and TLS failures are told apart, and each timeout names its stage.
public enum WebSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which step of a connection's life ran out of time.
    public enum Stage: String, Sendable, Equatable {
        /// TCP connect and TLS handshake.
        case connect
        /// Sending the upgrade request and reading the 101 response.
        case handshake
        /// Writing a frame (the peer stopped reading).
        case send
    }

    /// The URL cannot be used; the text says why without repeating the URL.
    case invalidURL(String)
    /// A header to send has a name or value that would break the request (CR, LF, NUL, ...).
    case invalidHeader(name: String)
    /// The host name did not resolve.
    case resolveFailed(CurlError)
    /// No TCP connection (refused, unreachable, proxy failure).
    case connectFailed(CurlError)
    /// The TLS handshake failed, certificate verification included.
    case tlsFailed(CurlError)
    /// Reading or writing the established connection failed.
    case transportFailed(CurlError)
    /// A stage did not finish within its configured time.
    case timedOut(Stage)
    /// The server answered the upgrade with a status other than 101.
    case upgradeRefused(status: Int, reason: String)
    /// The server's 101 response was malformed or did not prove it speaks WebSocket.
    case handshakeInvalid(String)
    /// The peer closed the connection before the handshake finished.
    case connectionClosed
    /// The connection is closing or closed; nothing more may be sent.
    case notOpen
    /// A control frame payload (ping) longer than the 125 bytes allowed.
    case controlPayloadTooLong(Int)

    /// One line for logs.
    public var description: String {
        switch self {
        case .invalidURL(let why): "invalid WebSocket URL: \(why)"
        case .invalidHeader(let name): "invalid request header '\(name)'"
        case .resolveFailed(let error): "could not resolve host: \(error)"
        // Not "could not connect": the feed consumer says that of every connect failure.
        case .connectFailed(let error): "TCP connect failed: \(error)"
        case .tlsFailed(let error): "TLS failed: \(error)"
        case .transportFailed(let error): "connection failed: \(error)"
        case .timedOut(let stage): "timed out during \(stage.rawValue)"
        case .upgradeRefused(let status, let reason): "upgrade refused with HTTP \(status) \(reason)"
        case .handshakeInvalid(let why): "invalid handshake response: \(why)"
        case .connectionClosed: "connection closed during the handshake"
        case .notOpen: "connection is not open"
        case .controlPayloadTooLong(let count): "control frame payload of \(count) bytes (at most 125)"
        }
    }
}
