import Glibc
@testable import WebSocket

/// The server end of one test connection: blocking reads with a timeout, the upgrade, and
/// the server-role connection state that answers pings and closes like a real peer.
final class PeerConnection {
    let fd: Int32
    var state = WebSocketConnectionState(role: .server)
    let encoder = WebSocketFrameEncoder(role: .server)
    /// Bytes read past the upgrade request's head.
    private var pending: [UInt8] = []

    /// Accepts one connection within five seconds; reads then time out after five seconds.
    init(accepting listener: Int32) throws {
        var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 5000) == 1 else { throw PeerError(description: "no connection to accept") }
        fd = accept(listener, nil, nil)
        guard fd >= 0 else { throw PeerError(description: "accept: \(errno)") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Reads the upgrade request's head: its request line and header fields.
    func readRequest() throws -> (line: String, headers: [(name: String, value: String)]) {
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

    /// Reads the upgrade request and answers 101 (followed by `extra` in the same write).
    func acceptUpgrade(extra: [UInt8] = []) throws {
        let request = try readRequest()
        try send(try WebSocketServerHandshake.response(to: request.headers) + extra)
        state.receive(contentsOf: pending)
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw PeerError(description: "send: \(errno)") }
            offset += n
        }
    }

    /// The next message delivered or the closure, performing the state's sends (pongs, close
    /// echoes) on the way; nil if the client closed the TCP connection first.
    func next() throws -> WebSocketAction? {
        while true {
            while let action = state.nextAction(now: .now) {
                if case .send(let bytes) = action { try send(bytes) } else { return action }
            }
            guard let chunk = try read() else { return nil }
            state.receive(contentsOf: chunk)
        }
    }

    /// Runs the connection (answering pings, echoing a close) until it ends: the closure, or
    /// nil if the client dropped the TCP connection without a close handshake.
    @discardableResult
    func runUntilClosed() throws -> WebSocketClosure? {
        while let action = try next() {
            if case .closeTransport(let closure) = action { return closure }
        }
        return nil
    }

    /// Whether the client closes the TCP connection within the read timeout.
    func awaitEndOfStream() -> Bool {
        while true {
            do {
                guard try read() != nil else { return true }
            } catch {
                return errno == ECONNRESET
            }
        }
    }

    /// One read: bytes, or nil at end of stream; throws on timeout.
    private func read() throws -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n == 0 { return nil }
        guard n > 0 else { throw PeerError(description: "recv: \(String(cString: strerror(errno)))") }
        return Array(chunk[..<n])
    }
}

/// Splits a request head (without its blank line) into its first line and its fields.
func headerFields(_ head: String) -> (line: String, fields: [(name: String, value: String)]) {
    let lines: [Substring] = head.split(separator: "\r\n")
    let fields = lines.dropFirst().map { line -> (name: String, value: String) in
        let colon = line.firstIndex(of: ":") ?? line.endIndex
        let value: Substring = colon < line.endIndex ? line[line.index(after: colon)...] : ""
        return (name: String(line[..<colon]), value: value.trimmingASCIISpaces())
    }
    return (String(lines.first ?? ""), fields)
}
