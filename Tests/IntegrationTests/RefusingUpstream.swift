import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// A tiny loopback TCP server standing in for Benzinga that answers every WebSocket upgrade with
/// a fixed non-101 response (401 by default) and closes, recording each request line it saw.
///
/// Raw sockets on purpose: the point is the exact bytes an upstream refusing a token sends.
final class RefusingUpstream: @unchecked Sendable {
    // Safe: `requestLines` and `stopRequested` are only touched while holding `lock`; `listener`
    // is written once in init.
    private let lock = NSLock()
    private var requestLines: [String] = []
    private var stopRequested = false
    private let listener: Int32
    private let finished = DispatchSemaphore(value: 0)
    /// The port it listens on (127.0.0.1).
    let port: Int

    /// Starts answering upgrades with `response` on an ephemeral port.
    init(response: String = "HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\nUnauthorized") throws {
        let (fd, port) = try LoopbackSocket.listen()
        listener = fd
        self.port = port
        let thread = Thread { [self] in
            serve(response: Array(response.utf8))
            finished.signal()
        }
        thread.start()
    }

    /// The request lines (`GET /path?query HTTP/1.1`) of every upgrade received so far.
    var requests: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requestLines
    }

    /// Stops accepting and closes the listener, waiting for the thread to end.
    func stop() {
        lock.lock()
        stopRequested = true
        lock.unlock()
        _ = finished.wait(timeout: .now() + 5)
        close(listener)
    }

    deinit {
        lock.lock()
        let running = !stopRequested
        lock.unlock()
        if running { stop() }
    }

    private var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    /// Accepts until stopped, polling so a stop is noticed within 100 ms.
    private func serve(response: [UInt8]) {
        while !shouldStop {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            if let head = LoopbackSocket.readHead(client) {
                lock.lock()
                requestLines.append(String(head.prefix { $0 != "\r" }))
                lock.unlock()
                _ = response.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
            close(client)
        }
    }
}
