/// The server side of the opening handshake (RFC 6455 section 4.2): checks an upgrade
/// request's headers and writes the 101 response.
///
/// It takes plain name/value pairs so any HTTP layer can use it; the caller has already
/// checked that the request is a GET over HTTP/1.1 with no body.
public enum WebSocketServerHandshake {
    /// Why a request cannot be upgraded, with the HTTP status to answer it with.
    public struct Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// 400 for a malformed upgrade, 426 for a WebSocket version other than 13.
        public let status: Int
        /// A short explanation, fit for a response body.
        public let reason: String

        /// Headers the refusal must carry: a 426 names the version we speak.
        public var headers: [(name: String, value: String)] {
            status == 426 ? [(name: "Sec-WebSocket-Version", value: "13")] : []
        }

        /// "400: missing Sec-WebSocket-Key", for logs.
        public var description: String { "\(status): \(reason)" }

        /// The complete response, for an HTTP layer that writes raw bytes; closes the connection.
        public var responseBytes: [UInt8] {
            let phrase = status == 426 ? "Upgrade Required" : "Bad Request"
            var text = "HTTP/1.1 \(status) \(phrase)\r\nContent-Type: text/plain\r\nContent-Length: \(reason.utf8.count)\r\n"
            text += "Connection: close\r\n"
            for header in headers { text += "\(header.name): \(header.value)\r\n" }
            return Array((text + "\r\n" + reason).utf8)
        }
    }

    /// The 101 response for a valid upgrade request, or the rejection to answer instead.
    ///
    /// Requires `Host`, `Upgrade: websocket`, `Connection: upgrade` (in any token list),
    /// `Sec-WebSocket-Version: 13` and exactly one `Sec-WebSocket-Key` that is base64 of 16
    /// bytes. Extensions and subprotocols a client offers are ignored (none are supported).
    /// `extraHeaders` are appended to the 101 response as given.
    public static func response(
        to headers: some Sequence<(name: String, value: String)>,
        extraHeaders: [(name: String, value: String)] = []
    ) throws(Rejection) -> [UInt8] {
        var host = 0, upgrade = false, connection = false, versions: [String] = [], keys: [String] = []
        for header in headers {
            let value = header.value.trimmingASCIISpaces()
            switch header.name.lowercased() {
            case "host": host += 1
            case "upgrade": upgrade = upgrade || HTTPFieldRules.list(value, contains: "websocket")
            case "connection": connection = connection || HTTPFieldRules.list(value, contains: "upgrade")
            case "sec-websocket-version": versions.append(value)
            case "sec-websocket-key": keys.append(value)
            default: break
            }
        }
        guard host == 1 else { throw Rejection(status: 400, reason: "expected one Host header") }
        guard upgrade else { throw Rejection(status: 400, reason: "missing Upgrade: websocket") }
        guard connection else { throw Rejection(status: 400, reason: "missing Connection: upgrade") }
        guard versions == ["13"] else { throw Rejection(status: 426, reason: "Sec-WebSocket-Version must be 13") }
        guard keys.count == 1, let nonce = Base64.decode(keys[0]), nonce.count == 16 else {
            throw Rejection(status: 400, reason: "Sec-WebSocket-Key must be base64 of 16 bytes")
        }
        var text = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        text += "Sec-WebSocket-Accept: \(WebSocketHandshake.accept(forKey: keys[0]))\r\n"
        for header in extraHeaders { text += "\(header.name): \(header.value)\r\n" }
        return Array((text + "\r\n").utf8)
    }
}
