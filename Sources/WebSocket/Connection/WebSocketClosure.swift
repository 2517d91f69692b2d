/// How and why a WebSocket connection ended.
///
/// `code` and `reason` are those of the peer's close frame when one arrived; otherwise those of
/// the close frame we sent (a violation, or a close the peer never answered); 1006 when the
/// transport ended without any close frame.
public struct WebSocketClosure: Sendable, Equatable, CustomStringConvertible {
    /// What ended the connection.
    public enum Cause: Sendable, Equatable {
        /// The peer sent a close frame and we answered it.
        case peerClosed
        /// We sent a close frame and the peer answered it.
        case closeCompleted
        /// We sent a close frame and the peer did not answer before the close timeout.
        case closeTimedOut
        /// The peer broke the protocol; we sent a close frame with the matching code.
        case protocolViolation(WebSocketProtocolError)
        /// The TCP or TLS connection ended (or failed) without a close handshake.
        case transportEnded(String)
    }

    /// The close code (see the type's description for whose).
    public var code: WebSocketCloseCode
    /// The close reason that went with `code`.
    public var reason: String
    /// What ended the connection.
    public var cause: Cause

    /// A closure with the given parts.
    public init(code: WebSocketCloseCode, reason: String, cause: Cause) {
        self.code = code
        self.reason = reason
        self.cause = cause
    }

    /// E.g. "closed by peer with 1001 (going away)", for logs.
    public var description: String {
        let suffix = reason.isEmpty ? "" : " (\(reason))"
        switch cause {
        case .peerClosed: return "closed by peer with \(code)\(suffix)"
        case .closeCompleted: return "closed by us, peer answered \(code)\(suffix)"
        case .closeTimedOut: return "closed by us with \(code), peer did not answer in time"
        case .protocolViolation(let error): return "closed with \(code): peer broke the protocol: \(error)"
        case .transportEnded(let detail): return "connection lost: \(detail)"
        }
    }
}
