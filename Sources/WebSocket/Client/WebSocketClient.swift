/// A blocking WebSocket client for one thread (a feed consumer's): connect, send, receive
/// with a timeout, close with the close handshake. Works for `ws://` and `wss://`.
///
/// Pings from the server are answered inside `receive`. Every wait has a deadline (connect,
/// handshake, each send, each receive, the close), so no call blocks longer than its
/// configuration says. Not thread-safe: one thread owns a client for its whole life.
/// Dropping the client closes the connection without a close handshake; call `close` first
/// to say goodbye.
public final class WebSocketClient {
    /// Where the client is connected, safe to log (its description has no query).
    public let url: WebSocketURL
    /// The settings the connection was opened with.
    public let configuration: WebSocketClientConfiguration
    /// The connection, nil once the transport is closed.
    var transport: CurlTransport?
    /// The protocol state (client role) around the codec.
    var state: WebSocketConnectionState
    /// How the connection ended, once it has.
    var closure: WebSocketClosure?
    /// The one read buffer, reused for every read.
    var readBuffer: [UInt8]

    private init(url: WebSocketURL, configuration: WebSocketClientConfiguration, transport: CurlTransport, leftover: [UInt8]) {
        self.url = url
        self.configuration = configuration
        self.transport = transport
        state = WebSocketConnectionState(role: .client, limits: configuration.limits, closeTimeout: configuration.closeTimeout)
        state.receive(contentsOf: leftover)
        readBuffer = [UInt8](repeating: 0, count: max(1, configuration.receiveChunkSize))
    }

    /// Connects, sends the upgrade request with `headers`, and checks the 101 response.
    ///
    /// Throws `invalidHeader` before connecting if a header is unusable; then
    /// `resolveFailed`, `connectFailed`, `tlsFailed`, `timedOut(.connect)`; then
    /// `upgradeRefused(status:reason:)` for a non-101 answer, `handshakeInvalid`,
    /// `connectionClosed` or `timedOut(.handshake)`.
    public static func connect(
        to url: WebSocketURL, headers: [(name: String, value: String)] = [],
        configuration: WebSocketClientConfiguration = WebSocketClientConfiguration()
    ) throws(WebSocketError) -> WebSocketClient {
        let handshake = WebSocketHandshake()
        let request = try handshake.request(for: url, headers: headers, userAgent: configuration.userAgent)
        let transport = try CurlTransport.connect(to: url, configuration: configuration)
        let deadline = ContinuousClock.now + configuration.handshakeTimeout
        try transport.send(request, deadline: deadline, stage: .handshake)
        var parser = WebSocketUpgradeResponseParser(
            expectedAccept: handshake.expectedAccept, maxHeadLength: configuration.maxHandshakeHeadLength,
            maxHeaderCount: configuration.maxHandshakeHeaderCount)
        // Small reads: the head is short, and what follows it is kept for the frame decoder.
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var received = CurlTransport.Received.wouldBlock
            var failure: WebSocketError?
            buffer.withUnsafeMutableBytes { raw in
                do throws(WebSocketError) { received = try transport.receive(into: raw) } catch { failure = error }
            }
            if let failure { throw failure }
            switch received {
            case .bytes(let count):
                if let leftover = try parser.parse(buffer[..<count]) {
                    return WebSocketClient(url: url, configuration: configuration, transport: transport, leftover: leftover)
                }
            case .wouldBlock:
                guard transport.waitReadable(until: deadline) else { throw .timedOut(.handshake) }
            case .endOfFile:
                throw .connectionClosed
            }
        }
    }

    /// Whether messages may still be sent (not closing, not closed).
    public var isOpen: Bool { closure == nil && state.isOpen }

    /// Whether bytes already read wait to be decoded: while true, the next `receive` most
    /// likely returns at once, which lets a caller batch its own work per message.
    public var hasBufferedInput: Bool { closure == nil && state.bufferedByteCount > 0 }
}
