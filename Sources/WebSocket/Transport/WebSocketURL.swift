/// A `ws://` or `wss://` URL taken apart, with a description that never shows the query.
///
/// Benzinga puts the API token in the query, so `description` (and everything logged or put in
/// an error) is `scheme://host:port/path`; only `requestTarget` holds the query, for the one
/// place it must go: the upgrade request line. User info and fragments are refused (RFC 6455
/// section 3), as is anything with whitespace or control characters.
public struct WebSocketURL: Sendable, Equatable, CustomStringConvertible {
    /// Whether the scheme is `wss` (TLS).
    public let isSecure: Bool
    /// The host name or address, without IPv6 brackets.
    public let host: String
    /// The port, explicit or the scheme's default (80 or 443).
    public let port: Int
    /// The path, at least "/", still percent-encoded as given.
    public let path: String
    /// The query without its "?", or nil if there is none. Holds secrets: never log it.
    public let query: String?

    /// Parses `string`; the error's text explains what is wrong without echoing the URL.
    public init(_ string: String) throws(WebSocketError) {
        guard string.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalidURL("contains whitespace, control or non-ASCII characters")
        }
        let lower = string.lowercased()
        let rest: Substring
        if lower.hasPrefix("wss://") {
            isSecure = true
            rest = string.dropFirst(6)
        } else if lower.hasPrefix("ws://") {
            isSecure = false
            rest = string.dropFirst(5)
        } else {
            throw .invalidURL("scheme must be ws or wss")
        }
        guard !rest.contains("#") else { throw .invalidURL("fragments are not allowed") }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.contains("@") else { throw .invalidURL("user info is not allowed") }
        (host, port) = try Self.parseAuthority(authority, defaultPort: isSecure ? 443 : 80)
        let target = rest[authorityEnd...]
        let queryStart = target.firstIndex(of: "?")
        let rawPath = target[..<(queryStart ?? target.endIndex)]
        path = rawPath.isEmpty ? "/" : String(rawPath)
        query = queryStart.map { String(target[target.index(after: $0)...]) }
    }

    /// The request-target of the upgrade request: path and query. Holds secrets.
    public var requestTarget: String {
        query.map { "\(path)?\($0)" } ?? path
    }

    /// The `Host` header value: the port only when it is not the scheme's default.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isSecure ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// The URL curl connects to: http(s)://host:port/ with no path or query.
    ///
    /// With `CURLOPT_CONNECT_ONLY` curl never sends a request, so it needs only where to
    /// connect and whether to speak TLS; leaving the query out means no curl message, trace or
    /// error can ever contain the token.
    var curlURL: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return "\(isSecure ? "https" : "http")://\(name):\(port)/"
    }

    /// `scheme://host:port/path`, safe to log.
    public var description: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return "\(isSecure ? "wss" : "ws")://\(name):\(port)\(path)"
    }

    /// Splits `host[:port]` or `[v6]:port`, checking the host's characters and the port range.
    private static func parseAuthority(_ authority: Substring, defaultPort: Int) throws(WebSocketError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidURL("unterminated IPv6 address") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidURL("junk after IPv6 address") }
                portText = after.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw .invalidURL("malformed IPv6 address")
            }
        } else {
            let colon = authority.firstIndex(of: ":")
            host = authority[..<(colon ?? authority.endIndex)]
            portText = colon.map { authority[authority.index(after: $0)...] }
            guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }) else {
                throw .invalidURL("missing or malformed host")
            }
        }
        guard let portText else { return (String(host), defaultPort) }
        guard portText.allSatisfy({ $0 >= "0" && $0 <= "9" }), let port = Int(portText), (1...65535).contains(port) else {
            throw .invalidURL("port must be 1-65535")
        }
        return (String(host), port)
    }
}
