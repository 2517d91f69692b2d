import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import WebSocket

/// A loopback stand-in for a Benzinga stream that accepts the upgrade, sends fixed text
/// messages, answers pings, and records what the client sends: its text messages (`replay`,
/// `ping`) and the code of its close frame. Serves one connection at a time, which is all a
/// single feed opens.
final class AcceptingUpstream: @unchecked Sendable {
    // Safe: `texts`, `closeCodes` and `stopRequested` are only touched while holding
    // `condition`'s lock; `listener` and `messages` are written once in init.
    private let condition = NSCondition()
    private var texts: [String] = []
    private var closeCodes: [UInt16] = []
    private var stopRequested = false
    private let listener: Int32
    private let messages: [String]
    private let finished = DispatchSemaphore(value: 0)
    /// The port it listens on (127.0.0.1).
    let port: Int

    /// Starts listening on an ephemeral port; each connection gets `messages` after the 101.
    init(messages: [String]) throws {
        let (fd, port) = try LoopbackSocket.listen()
        listener = fd
        self.port = port
        self.messages = messages
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.start()
    }

    /// The text messages the client has sent so far.
    var receivedTexts: [String] { locked { texts } }

    /// Waits up to `timeout` seconds for the client's close frame; its code, or nil.
    func waitForCloseCode(timeout: TimeInterval) -> UInt16? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while closeCodes.isEmpty {
            guard condition.wait(until: deadline) else { return nil }
        }
        return closeCodes.first
    }

    /// Stops accepting and closes the listener, waiting for the thread to end.
    func stop() {
        locked { stopRequested = true }
        _ = finished.wait(timeout: .now() + 5)
        close(listener)
    }

    deinit {
        if !locked({ stopRequested }) { stop() }
    }

    private var shouldStop: Bool { locked { stopRequested } }

    /// `body` under the condition's lock.
    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    /// Accepts until stopped, polling so a stop is noticed within 100 ms.
    private func serve() {
        while !shouldStop {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            // Short receive timeouts keep the read loop responsive to stop().
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            if let head = LoopbackSocket.readHead(client), let response = try? Self.upgrade(head) {
                LoopbackSocket.sendAll(client, response)
                let encoder = WebSocketFrameEncoder(role: .server)
                for message in messages { LoopbackSocket.sendAll(client, encoder.text(message)) }
                converse(client, encoder: encoder)
            }
            close(client)
        }
    }

    /// The 101 response to an upgrade request head.
    private static func upgrade(_ head: String) throws -> [UInt8] {
        let lines = head.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]))
        }
        return try WebSocketServerHandshake.response(to: headers)
    }

    /// Reads the client's frames until it closes, the peer goes away or the test stops.
    private func converse(_ client: Int32, encoder: WebSocketFrameEncoder) {
        var decoder = WebSocketFrameDecoder(role: .server)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !shouldStop {
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { continue }
            guard count > 0 else { return }
            decoder.append(contentsOf: chunk[..<count])
            while let frame = try? decoder.nextFrame() {
                switch frame.opcode {
                case .text:
                    let text = String(decoding: frame.payload, as: UTF8.self)
                    locked { texts.append(text) }
                case .ping:
                    LoopbackSocket.sendAll(client, encoder.pong(frame.payload))
                case .close:
                    let code = frame.payload.count >= 2 ? UInt16(frame.payload[0]) << 8 | UInt16(frame.payload[1]) : 1005
                    locked {
                        closeCodes.append(code)
                        condition.broadcast()
                    }
                    LoopbackSocket.sendAll(client, encoder.close(code: WebSocketCloseCode(rawValue: code)))
                    return
                default:
                    continue
                }
            }
        }
    }
}
