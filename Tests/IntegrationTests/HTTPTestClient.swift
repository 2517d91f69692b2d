import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// A blocking HTTP/1.1 client over one loopback TCP connection, for driving the real server with
/// exact bytes. Every read has a timeout, so a hung server fails the test instead of hanging it.
final class HTTPTestClient {
    private let fd: Int32
    private var pending: [UInt8] = []

    /// A parsed response: status, headers (names lower-cased) and body.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body)) }
    }

    struct ClientError: Error, CustomStringConvertible {
        let description: String
    }

    init(port: Int, timeoutSeconds: Int = 10) throws {
        fd = try LoopbackSocket.connect(port: port, timeout: .seconds(timeoutSeconds))
    }

    deinit { close(fd) }

    /// Sends raw bytes as they are.
    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        guard LoopbackSocket.sendAll(fd, bytes) else { throw ClientError(description: "send: errno \(errno)") }
    }

    /// `GET path` with Host and any extra header lines, then the response.
    func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) throws -> Response {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        try send(request + "\r\n")
        return try readResponse(bodyExpected: method != "HEAD")
    }

    /// Reads one response (Content-Length delimited; a HEAD response or 304 carries no body).
    func readResponse(bodyExpected: Bool = true) throws -> Response {
        let headEnd = try readUntilHeadEnd()
        let head = String(decoding: pending[..<headEnd], as: UTF8.self)
        pending.removeFirst(headEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw ClientError(description: "bad status line in \(head)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = bodyExpected && status != 304 && status != 204 ? Int(headers["content-length"] ?? "0") ?? 0 : 0
        while pending.count < length { try fill() }
        let body = Array(pending[..<length])
        pending.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    /// True when the server closed the connection (reads EOF) before the timeout.
    func readsEOF() -> Bool {
        do {
            while true { try fill() }
        } catch let error as ClientError {
            return error.description == "eof"
        } catch {
            return false
        }
    }

    private func readUntilHeadEnd() throws -> Int {
        while true {
            if pending.count >= 4 {
                for index in 0...(pending.count - 4)
                where pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13 && pending[index + 3] == 10 {
                    return index
                }
            }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count == 0 { throw ClientError(description: "eof") }
        guard count > 0 else { throw ClientError(description: "recv: errno \(errno)") }
        pending += chunk[..<count]
    }
}
