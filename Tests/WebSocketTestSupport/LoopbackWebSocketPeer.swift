import Glibc
import TestSupport
import WebSocket

/// The server end of one test connection: blocking reads with a timeout, the upgrade (accepted or refused), and a server-role `WebSocketConnectionState` that
/// answers pings and echoes a close like a real peer.
///
/// Owned by the thread running its script; the socket closes when the peer is released, so a
/// script that returns drops the TCP connection without a close frame.
public final class LoopbackWebSocketPeer {
    private let fd: Int32
    /// The connection's socket, for the server to shut down on `stop`.
    var descriptor: Int32 { fd }
    /// The connection's state; scripts use it to start a close handshake themselves.
    public var state = WebSocketConnectionState(role: .server)
    /// Encodes the server's own frames, for scripts that write raw frames.
    public let encoder = WebSocketFrameEncoder(role: .server)
    /// Bytes read past the upgrade request's head.
    private var pending: [UInt8] = []

    /// Accepts one waiting connection on `listener`; its reads give up after `readTimeout`.
    init(accepting listener: Int32, readTimeout: Duration) throws {
        fd = accept(listener, nil, nil)
        guard fd >= 0 else { throw PeerError(description: "accept: \(errno)") }
        var timeout = timeval(readTimeout)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Reads the upgrade request's head: its request line and header fields.
    public func readRequest() throws -> (line: String, headers: [(name: String, value: String)]) {
        while true {
            if let end = pending.firstRange(of: [13, 10, 13, 10]) {
                let head = headerFields(String(decoding: pending[..<end.lowerBound], as: UTF8.self))
                pending.removeSubrange(..<end.upperBound)
                return (head.line, head.fields)
            }
            guard let chunk = try read() else { throw PeerError(description: "closed before the request head ended") }
            pending += chunk
        }
    }

    /// Reads the upgrade request and answers 101 (followed by `extra` in the same write);
    /// the request line.
    @discardableResult
    public func acceptUpgrade(extra: [UInt8] = []) throws -> String {
        let request = try readRequest()
        try send(try WebSocketServerHandshake.response(to: request.headers) + extra)
        state.receive(contentsOf: pending)
        pending = []
        return request.line
    }

    /// Reads the upgrade request and refuses it with `status`.
    public func refuseUpgrade(status: Int, reason: String) throws {
        _ = try readRequest()
        try send(Array("HTTP/1.1 \(status) \(reason)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
    }

    /// Writes all of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        guard LoopbackSocket.sendAll(fd, bytes) else { throw PeerError(description: "send: \(errno)") }
    }

    /// Sends one text message per element, in one write.
    public func send(texts: [[UInt8]]) throws {
        var bytes: [UInt8] = []
        for text in texts {
            text.withUnsafeBytes { bytes += encoder.encode(opcode: .text, payload: $0) }
        }
        try send(bytes)
    }

    /// One read: bytes, or nil at end of stream; throws on timeout or error (`errno` kept).
    func read() throws -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n == 0 { return nil }
        guard n > 0 else { throw PeerError(description: "recv: \(String(cString: strerror(errno)))") }
        return Array(chunk[..<n])
    }
}
