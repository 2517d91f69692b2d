import Glibc
import TestSupport

/// A blocking loopback TCP client for integration tests: raw bytes out, parsed responses in.
///
/// Every read has a receive timeout, so a test that waits for bytes the server never sends
/// fails after `timeout` instead of hanging.
final class TestClient {
    /// One parsed response.
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// A failure of the client itself (as opposed to what the server answered).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; reads give up after `timeout`.
    init(port: Int, timeout: Duration = .seconds(5), receiveBuffer: Int? = nil) throws {
        fd = try LoopbackSocket.connect(port: port, timeout: timeout, receiveBuffer: receiveBuffer.map(Int32.init))
        // Writes time out too, so a test that fills the server's buffers fails instead of hanging.
        var tv = timeval(timeout)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, 4)
    }

    deinit { close() }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Closes with an immediate reset (SO_LINGER 0), as a client that crashes would.
    func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close()
    }

    /// Half-closes: the server reads end of file after what was sent.
    func shutdownWrite() {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        guard LoopbackSocket.sendAll(fd, bytes) else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
    }

    /// Reads more bytes into the buffer; false at end of file.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 { buffer += chunk[0..<n]; return true }
        if n == 0 { return false }
        throw Failure(description: "recv: \(String(cString: strerror(errno)))")
    }

    /// Reads exactly `count` bytes (after anything a head read left over); throws on timeout
    /// or end of file first.
    func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count < count { guard try fill() else { throw Failure(description: "closed after \(buffer.count) of \(count) bytes") } }
        defer { buffer.removeFirst(count) }
        return Array(buffer[0..<count])
    }

    /// Reads until end of file and returns everything unread; throws on timeout.
    func readToEnd() throws -> [UInt8] {
        while try fill() {}
        defer { buffer = [] }
        return buffer
    }

    /// Whether the server closes the connection within the timeout (end of file or reset),
    /// discarding whatever arrives first.
    func awaitClose() -> Bool {
        while true {
            do {
                if try !fill() { return true }
                buffer.removeAll()
            } catch {
                return errno == ECONNRESET
            }
        }
    }

    /// Reads one response. `head: true` means the request was HEAD: no body follows.
    func readResponse(head: Bool = false) throws -> Response {
        var response = try readHead()
        if head || response.status == 204 || response.status == 304 || response.status < 200 { return response }
        if let length = response.header("Content-Length").flatMap(Int.init) {
            while buffer.count < length { guard try fill() else { throw Failure(description: "closed inside a body") } }
            response.body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        } else if response.header("Transfer-Encoding") == "chunked" {
            while let chunk = try readChunk() { response.body += chunk }
        } else {
            response.body = try readToEnd()
        }
        return response
    }

    /// Reads a status line and header fields, leaving any body unread.
    func readHead() throws -> Response {
        var end: Int?
        while end == nil {
            end = Self.headEnd(buffer)
            if end == nil { guard try fill() else { throw Failure(description: "closed before a full head") } }
        }
        let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line in \(headText)")
        }
        let headers = lines.map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: " "))
        }
        return Response(status: status, headers: headers, body: [])
    }

    /// Reads one chunk of a chunked body; nil for the last (empty) chunk and its CRLF.
    func readChunk() throws -> [UInt8]? {
        var lineEnd: Int?
        while lineEnd == nil {
            lineEnd = Self.find([13, 10], in: buffer)
            if lineEnd == nil { guard try fill() else { throw Failure(description: "closed inside a chunk size") } }
        }
        let size = Int(String(decoding: buffer[0..<lineEnd!], as: UTF8.self), radix: 16)!
        buffer.removeFirst(lineEnd! + 2)
        while buffer.count < size + 2 { guard try fill() else { throw Failure(description: "closed inside a chunk") } }
        let data = Array(buffer[0..<size])
        buffer.removeFirst(size + 2)
        return size == 0 ? nil : data
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? { find([13, 10, 13, 10], in: bytes) }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        outer: for i in 0...(bytes.count - needle.count) {
            for k in 0..<needle.count where bytes[i + k] != needle[k] { continue outer }
            return i
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String { String(self).trimmingCharacters(in: set) }
}
