import Dispatch
import Glibc
import Synchronization
@testable import WebSocket

/// A failure of the test peer itself (as opposed to what the client did).
struct PeerError: Error, CustomStringConvertible {
    let description: String
}

/// A test WebSocket server on 127.0.0.1 with an ephemeral port, built from plain blocking
/// sockets and this module's server role, that runs one script against one connection.
final class LoopbackServer: Sendable {
    /// The port to connect to.
    let port: Int
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)
    private let failure = Mutex<String?>(nil)

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw PeerError(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound, listen(listener, 4) == 0 else {
            close(listener)
            throw PeerError(description: "bind/listen: \(errno)")
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(listener) }

    /// The URL of this server with `path`.
    func url(_ path: String = "/feed?token=SECRET") throws -> WebSocketURL {
        try WebSocketURL("ws://127.0.0.1:\(port)\(path)")
    }

    /// Accepts the next connection on a background thread and runs `script` against it.
    func serve(_ script: @escaping @Sendable (PeerConnection) throws -> Void) {
        let listener = self.listener
        DispatchQueue.global().async {
            defer { self.done.signal() }
            do {
                try script(try PeerConnection(accepting: listener))
            } catch {
                self.failure.withLock { $0 = "\(error)" }
            }
        }
    }

    /// Waits for the script to end; what went wrong in it, if anything.
    func finish(seconds: Double = 10) -> String? {
        guard done.wait(timeout: .now() + seconds) == .success else { return "server script did not finish" }
        return failure.withLock { $0 }
    }
}

/// A port on 127.0.0.1 with nothing listening (bound, then closed).
func closedLoopbackPort() throws -> Int {
    let server = try LoopbackServer()
    return server.port
}
