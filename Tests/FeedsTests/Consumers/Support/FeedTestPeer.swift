import Glibc
import WebSocket

/// The server end of one test connection: the upgrade (accepted or refused), text frames
/// out, messages in (close frames answered like a real peer).
final class FeedTestPeer {
    let fd: Int32
    private var decoder = WebSocketMessageDecoder(role: .server)
    private let encoder = WebSocketFrameEncoder(role: .server)
    private var pending: [UInt8] = []

    /// Accepts one waiting connection; its reads time out after five seconds.
    init(accepting listener: Int32) throws {
        fd = accept(listener, nil, nil)
        guard fd >= 0 else { throw FeedTestServerError(description: "accept: \(errno)") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Reads the upgrade request: its request line and header fields.
    func readRequest() throws -> (line: String, headers: [(name: String, value: String)]) {
        while true {
            if let end = pending.firstRange(of: [13, 10, 13, 10]) {
                let lines = String(decoding: pending[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
                pending.removeSubrange(..<end.upperBound)
                let headers = lines.dropFirst().map { line -> (name: String, value: String) in
                    let colon = line.firstIndex(of: ":") ?? line.endIndex
                    let value = colon < line.endIndex ? line[line.index(after: colon)...].drop { $0 == " " } : ""
                    return (String(line[..<colon]), String(value))
                }
                return (String(lines.first ?? ""), headers)
            }
            guard let chunk = try read() else { throw FeedTestServerError(description: "closed before the request head ended") }
            pending += chunk
        }
    }

    /// Reads the upgrade request and answers 101; the request line.
    @discardableResult
    func acceptUpgrade() throws -> String {
        let request = try readRequest()
        try send(try WebSocketServerHandshake.response(to: request.headers))
        decoder.append(contentsOf: pending)
        pending = []
        return request.line
    }

    /// Reads the upgrade request and refuses it with `status`.
    func refuseUpgrade(status: Int, reason: String) throws {
        _ = try readRequest()
        try send(Array("HTTP/1.1 \(status) \(reason)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
    }

    /// Sends one text message per element.
    func send(texts: [[UInt8]]) throws {
        var bytes: [UInt8] = []
        for text in texts {
            text.withUnsafeBytes { bytes += encoder.encode(opcode: .text, payload: $0) }
        }
        try send(bytes)
    }

    /// The next message from the client (a close is answered with a close); nil at end of stream.
    func nextMessage() throws -> WebSocketMessage? {
        while true {
            if let message = try decoder.nextMessage() {
                if case .close(let code, _) = message { try? send(encoder.close(code: code)) }
                return message
            }
            guard let chunk = try read() else { return nil }
            decoder.append(contentsOf: chunk)
        }
    }

    /// Writes all of `bytes`.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw FeedTestServerError(description: "send: \(errno)") }
            offset += n
        }
    }

    /// One read: bytes, or nil at end of stream; throws on timeout or error.
    private func read() throws -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n == 0 { return nil }
        guard n > 0 else { throw FeedTestServerError(description: "recv: errno \(errno)") }
        return Array(chunk[..<n])
    }
}
