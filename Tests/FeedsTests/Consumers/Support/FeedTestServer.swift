import Dispatch
import Glibc
import Synchronization
import WebSocket

/// A failure of the test server itself.
struct FeedTestServerError: Error, CustomStringConvertible {
    let description: String
}

/// A WebSocket server on 127.0.0.1 (ephemeral port) for consumer tests: accepts connections
/// one after another on a background thread and runs the next script against each (the last
/// script for every connection beyond the list), built from plain blocking sockets,
/// `WebSocketServerHandshake` and the codec's server role.
final class FeedTestServer: Sendable {
    /// The port to connect to.
    let port: Int
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let failures = Mutex<[String]>([])
    private let connections = Atomic<Int>(0)

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw FeedTestServerError(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound, listen(listener, 8) == 0 else {
            close(listener)
            throw FeedTestServerError(description: "bind/listen: \(errno)")
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(listener) }

    /// `ws://127.0.0.1:port` + `path`.
    func url(_ path: String) -> String { "ws://127.0.0.1:\(port)\(path)" }

    /// Connections accepted so far.
    var connectionCount: Int { connections.load(ordering: .acquiring) }

    /// Serves connections until `finish`; connection n runs `scripts[n]` (or the last one).
    func serve(_ scripts: [@Sendable (FeedTestPeer) throws -> Void]) {
        let listener = self.listener
        DispatchQueue.global().async {
            defer { self.done.signal() }
            var index = 0
            while !self.stopping.load(ordering: .acquiring) {
                var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, 50) == 1 else { continue }
                do {
                    let peer = try FeedTestPeer(accepting: listener)
                    self.connections.add(1, ordering: .releasing)
                    try scripts[min(index, scripts.count - 1)](peer)
                } catch {
                    self.failures.withLock { $0.append("connection \(index): \(error)") }
                }
                index += 1
            }
        }
    }

    /// Stops accepting and waits for the current script; what went wrong in the scripts.
    func finish(seconds: Double = 10) -> [String] {
        stopping.store(true, ordering: .releasing)
        guard done.wait(timeout: .now() + seconds) == .success else { return ["server did not finish"] }
        return failures.withLock { $0 }
    }
}
