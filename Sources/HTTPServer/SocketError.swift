import Glibc

/// A failure of the socket and system-call layer, built at the failing call with its `errno`.
///
/// The conditions the event loop branches on (would block, end of file, peer reset) are named
/// cases so no caller compares raw codes; everything else keeps the call name and the code.
public enum SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The non-blocking call would have blocked (`EAGAIN`/`EWOULDBLOCK`).
    case wouldBlock
    /// The peer closed its side: a read returned zero bytes.
    case endOfFile
    /// The peer reset the connection or it is already gone (`ECONNRESET`, `EPIPE`).
    case connectionReset
    /// The address is taken by another socket (`EADDRINUSE`).
    case addressInUse(host: String, port: Int)
    /// The host is not a numeric IPv4 or IPv6 address.
    case invalidAddress(String)
    /// Any other failure of the named call.
    case failed(call: String, code: Code)

    /// An `errno` value kept opaque so raw integers do not leak out of the socket layer.
    public struct Code: Sendable, Equatable, CustomStringConvertible {
        let value: Int32

        /// The C library's text for the code, e.g. "Too many open files".
        public var description: String { String(cString: strerror(value)) }
    }

    /// Maps the current `errno` after a failed call to the case callers branch on.
    static func lastError(_ call: String) -> SocketError {
        from(errno: errno, call: call)
    }

    /// Maps an `errno` value to the case callers branch on.
    static func from(errno code: Int32, call: String) -> SocketError {
        switch code {
        case EAGAIN, EWOULDBLOCK: return .wouldBlock
        case ECONNRESET, EPIPE: return .connectionReset
        default: return .failed(call: call, code: Code(value: code))
        }
    }

    /// Whether this is `failed` with the given `errno`; for callers inside the module that must
    /// tell, say, `EMFILE` from other accept failures.
    func hasCode(_ code: Int32) -> Bool {
        if case .failed(_, let c) = self { return c.value == code }
        return false
    }

    /// The failure in words, with the call and the C library's text for `errno`.
    public var description: String {
        switch self {
        case .wouldBlock: "operation would block"
        case .endOfFile: "end of file"
        case .connectionReset: "connection reset by peer"
        case .addressInUse(let host, let port): "address \(host):\(port) already in use"
        case .invalidAddress(let host): "'\(host)' is not a numeric IPv4 or IPv6 address"
        case .failed(let call, let code): "\(call) failed: \(code)"
        }
    }
}
