import Dispatch
import Glibc
import Synchronization
import TestSupport
import WebSocket

/// A test WebSocket server on 127.0.0.1 with an ephemeral port, built from plain blocking
/// sockets, `WebSocketServerHandshake` and the codec's server role.
///
/// It accepts connections one after another on a background thread until `finish` and runs a
/// script against each: connection n gets `scripts[n]`, every connection past the list the
/// last script. A script's error does not stop the server; `finish` reports it.
public final class LoopbackWebSocketServer: Sendable {
    /// The port to connect to.
    public let port: Int
    private let listener: Int32
    private let readTimeout: Duration
    private let done = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let failures = Mutex<[String]>([])
    private let connections = Atomic<Int>(0)
    /// The socket of the connection a script is running on; `stop` shuts it down under this
    /// lock, and the serving thread clears it under the lock before the socket is closed, so
    /// `stop` never touches a descriptor number that has been reused.
    private let active = Mutex<Int32?>(nil)

    /// Binds and listens; nothing is accepted before `serve`. A script's read that waits
    /// longer than `readTimeout` throws, so a client that goes silent fails the test in bounded
    /// time; a stand-in whose client may idle between heartbeats passes a longer one.
    public init(readTimeout: Duration = .seconds(5)) throws {
        self.readTimeout = readTimeout
        (listener, port) = try LoopbackSocket.listen(backlog: 8)
    }

    deinit { close(listener) }

    /// `ws://127.0.0.1:port` followed by `path`, as text (what feed configurations take).
    public func url(_ path: String) -> String { "ws://127.0.0.1:\(port)\(path)" }

    /// This server's URL with `path`, parsed; the default path carries a token the client
    /// tests look for in the request line and must never find in logs or errors.
    public func webSocketURL(_ path: String = "/feed?token=SECRET") throws -> WebSocketURL {
        try WebSocketURL(url(path))
    }

    /// Connections accepted so far.
    public var connectionCount: Int { connections.load(ordering: .acquiring) }

    /// Serves every connection with `script`.
    public func serve(_ script: @escaping @Sendable (LoopbackWebSocketPeer) throws -> Void) {
        serve([script])
    }

    /// Serves connections until `finish`; connection n runs `scripts[n]` (or the last one).
    public func serve(_ scripts: [@Sendable (LoopbackWebSocketPeer) throws -> Void]) {
        let listener = self.listener, readTimeout = self.readTimeout
        DispatchQueue.global().async {
            defer { self.done.signal() }
            var index = 0
            while !self.stopping.load(ordering: .acquiring) {
                // A bounded wait, so `finish` is noticed while no client connects.
                var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, 50) == 1 else { continue }
                do {
                    let peer = try LoopbackWebSocketPeer(accepting: listener, readTimeout: readTimeout)
                    self.connections.add(1, ordering: .releasing)
                    self.active.withLock { active in
                        active = peer.descriptor
                        // A `stop` that took the lock before us found nothing to shut down.
                        if self.stopping.load(ordering: .acquiring) { _ = shutdown(peer.descriptor, Int32(SHUT_RDWR)) }
                    }
                    defer { self.active.withLock { $0 = nil } }
                    try scripts[min(index, scripts.count - 1)](peer)
                } catch {
                    self.failures.withLock { $0.append("connection \(index): \(error)") }
                }
                index += 1
            }
        }
    }

    /// Stops accepting and waits for the running script; what went wrong in the scripts, one
    /// line per failed connection, or nil if nothing did.
    public func finish(seconds: Double = 10) -> String? {
        stopping.store(true, ordering: .releasing)
        return report(seconds: seconds)
    }

    /// Stops accepting and ends the connection being served (its reads see end of stream, its
    /// writes fail), for a stand-in upstream whose client may still be connected; what went
    /// wrong in the scripts, like `finish`.
    public func stop(seconds: Double = 10) -> String? {
        stopping.store(true, ordering: .releasing)
        active.withLock { descriptor in
            if let descriptor { _ = shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
        return report(seconds: seconds)
    }

    /// Waits for the serving thread to end; the failures recorded.
    private func report(seconds: Double) -> String? {
        guard done.wait(timeout: .now() + seconds) == .success else { return "server script did not finish" }
        done.signal()  // so a second finish or stop returns at once too
        let failures = failures.withLock { $0 }
        return failures.isEmpty ? nil : failures.joined(separator: "\n")
    }
}
