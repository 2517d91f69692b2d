/// The client side of the opening handshake (RFC 6455 section 4.1): the upgrade request and
/// the `Sec-WebSocket-Accept` value that proves the server read it.
public struct WebSocketHandshake: Sendable {
    /// The GUID RFC 6455 appends to the key before hashing.
    public static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
    /// Headers this type writes itself; a caller may not send its own version of them.
    static let reservedHeaders: Set<String> = [
        "host", "upgrade", "connection", "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions",
        "content-length", "transfer-encoding",
    ]

    /// `Sec-WebSocket-Key`: base64 of 16 bytes, fresh for every connection.
    public let key: String

    /// A handshake with a key of 16 bytes from the system random number generator.
    public init() {
        var generator = SystemRandomNumberGenerator()
        self.init(keyBytes: (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// A handshake with the given key bytes (tests use RFC 6455's sample nonce).
    public init(keyBytes: [UInt8]) {
        key = Base64.encode(keyBytes)
    }

    /// The `Sec-WebSocket-Accept` value a server must answer with.
    public var expectedAccept: String { Self.accept(forKey: key) }

    /// base64(SHA-1(key + GUID)), the accept value for any key.
    public static func accept(forKey key: String) -> String {
        Base64.encode(SHA1.digest(Array((key + guid).utf8)))
    }

    /// The upgrade request for `url`: GET with the path and query, the WebSocket headers,
    /// `headers` (checked for names and values that could split the request, and for the
    /// handshake's own headers), and `User-Agent` if given. The bytes hold the query: never log.
    public func request(
        for url: WebSocketURL, headers: [(name: String, value: String)] = [], userAgent: String? = nil
    ) throws(WebSocketError) -> [UInt8] {
        var extra = headers
        if let userAgent { extra.append((name: "User-Agent", value: userAgent)) }
        var text = "GET \(url.requestTarget) HTTP/1.1\r\n"
        text += "Host: \(url.hostHeader)\r\n"
        text += "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        text += "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n"
        for header in extra {
            guard HTTPFieldRules.isToken(header.name), HTTPFieldRules.isSafeValue(header.value),
                  !Self.reservedHeaders.contains(header.name.lowercased())
            else { throw .invalidHeader(name: HTTPFieldRules.isToken(header.name) ? header.name : "(malformed)") }
            text += "\(header.name): \(header.value)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }
}
