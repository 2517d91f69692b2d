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
    private let done = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let failures = Mutex<[String]>([])
    private let connections = Atomic<Int>(0)

    /// Binds and listens; nothing is accepted before `serve`.
    public init() throws {
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
        let listener = self.listener
        DispatchQueue.global().async {
            defer { self.done.signal() }
            var index = 0
            while !self.stopping.load(ordering: .acquiring) {
                // A bounded wait, so `finish` is noticed while no client connects.
                var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, 50) == 1 else { continue }
                do {
                    let peer = try LoopbackWebSocketPeer(accepting: listener)
                    self.connections.add(1, ordering: .releasing)
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
        guard done.wait(timeout: .now() + seconds) == .success else { return "server script did not finish" }
        let failures = failures.withLock { $0 }
        return failures.isEmpty ? nil : failures.joined(separator: "\n")
    }
}
