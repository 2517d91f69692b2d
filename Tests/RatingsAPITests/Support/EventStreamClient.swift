import Glibc
import TestSupport

/// A blocking loopback client of `GET /events` for tests: sends one request, reads the head,
/// undoes chunked framing and splits the body into server-sent event blocks.
///
/// Every read has a receive timeout, so a test waiting for an event that never comes fails
/// after `timeout` rather than hanging.
final class EventStreamClient {
    /// One block of the stream (the lines up to a blank line).
    struct Block: Equatable {
        var id: String?
        var event: String?
        var data: String?
        var retry: String?
        var comment: String?

        /// An event a browser would dispatch (it has data).
        var isEvent: Bool { data != nil }
    }

    /// A failure of the client itself.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let fd: Int32
    private(set) var status = 0
    private(set) var headers: [String: String] = [:]
    private var raw: [UInt8] = []
    private var body: [UInt8] = []
    /// Where unparsed bytes of `body` start (consumed bytes are dropped in bulk, not per block).
    private var bodyStart = 0
    private var chunked = false
    private(set) var ended = false

    /// Connects, sends `GET target` with `headers`, and reads the response head.
    init(port: Int, target: String, headers extra: [String: String] = [:], timeout: Double = 10, receiveBuffer: Int32? = nil) throws {
        fd = try LoopbackSocket.connect(port: port, timeout: .microseconds(Int64(timeout * 1_000_000)), receiveBuffer: receiveBuffer)
        var request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        for (name, value) in extra { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        guard LoopbackSocket.sendAll(fd, Array(request.utf8)) else { throw Failure(description: "send: errno \(errno)") }
        try readHead()
    }

    deinit { close(fd) }

    /// The next block, or nil when the stream ended or nothing came in time.
    func nextBlock() throws -> Block? {
        while true {
            if let block = takeBlock() { return block }
            guard !ended, try receive() else { return nil }
        }
    }

    /// The next `count` events (blocks with data), skipping comments and `retry:`.
    func events(_ count: Int) throws -> [Block] {
        var events: [Block] = []
        while events.count < count, let block = try nextBlock() {
            if block.isEvent { events.append(block) }
        }
        return events
    }

    /// Reads events until one with `id`, returning all of them, or nil if it never came.
    func events(through id: UInt64) throws -> [Block]? {
        var events: [Block] = []
        while let block = try nextBlock() {
            guard block.isEvent else { continue }
            events.append(block)
            if block.id == String(id) { return events }
        }
        return nil
    }

    /// Whether the server closed the stream (reads until end of stream or timeout).
    func readsToEnd() throws -> Bool {
        while try nextBlock() != nil {}
        return ended
    }

    private func readHead() throws {
        while true {
            if let end = raw.firstRange(of: [13, 10, 13, 10]) {
                let lines = String(decoding: raw[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
                status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingPrefix(" ").description
                }
                chunked = headers["transfer-encoding"] == "chunked"
                raw.removeFirst(end.upperBound)
                if !chunked, let length = headers["content-length"].flatMap({ Int($0) }) {
                    while raw.count < length, try receiveRaw() {}
                    body = raw
                    raw = []
                    ended = true
                }
                decode()
                return
            }
            guard try receiveRaw() else { throw Failure(description: "no response head") }
        }
    }

    /// The body of a non-stream answer (a problem document).
    var bodyText: String { String(decoding: body[bodyStart...], as: UTF8.self) }

    private func receive() throws -> Bool {
        let more = try receiveRaw()
        decode()
        return more
    }

    private func receiveRaw() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            raw += chunk[..<count]
            return true
        }
        if count == 0 || errno == ECONNRESET { ended = true }
        return false
    }

    /// Moves whole chunks (or, close-delimited, everything) from `raw` to `body`.
    private func decode() {
        guard chunked else {
            body += raw
            raw = []
            return
        }
        var start = 0
        while let lineEnd = raw[start...].firstRange(of: [13, 10]) {
            let size = Int(String(decoding: raw[start..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            guard raw.count >= lineEnd.upperBound + size + 2 else { break }
            if size == 0 { ended = true }
            body += raw[lineEnd.upperBound..<(lineEnd.upperBound + size)]
            start = lineEnd.upperBound + size + 2
        }
        raw.removeFirst(start)
    }

    private func takeBlock() -> Block? {
        guard let end = body[bodyStart...].firstRange(of: [10, 10]) else {
            body.removeFirst(bodyStart)
            bodyStart = 0
            return nil
        }
        let text = String(decoding: body[bodyStart..<end.lowerBound], as: UTF8.self)
        bodyStart = end.upperBound
        var block = Block()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(":") {
                block.comment = String(line.dropFirst().trimmingPrefix(" "))
                continue
            }
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            let name = line[..<colon]
            let value = colon == line.endIndex ? "" : String(line[line.index(after: colon)...].trimmingPrefix(" "))
            switch name {
            case "id": block.id = value
            case "event": block.event = value
            case "data": block.data = block.data.map { $0 + "\n" + value } ?? value
            case "retry": block.retry = value
            default: break
            }
        }
        return block
    }
}
