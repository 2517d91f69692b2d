import Synchronization
import WebSocketTestSupport

/// A loopback stand-in for Benzinga that answers every WebSocket upgrade with a fixed non-101
/// response (401 by default) and closes, recording each request line it saw.
///
/// The response is written as given, byte for byte: the point is the exact bytes an upstream
/// refusing a token sends.
final class RefusingUpstream: Sendable {
    private let server: LoopbackWebSocketServer
    private let requestLines = Mutex<[String]>([])
    /// How long a connected client may stay silent: longer than any test here runs, so only
    /// `stop` ends a connection the client keeps open (the feed's heartbeat is 30 s).
    static let idleLimit: Duration = .seconds(120)
    /// The port it listens on (127.0.0.1).
    var port: Int { server.port }

    /// Starts answering upgrades with `response` on an ephemeral port.
    init(response: String = "HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\nUnauthorized") throws {
        server = try LoopbackWebSocketServer(readTimeout: Self.idleLimit)
        let bytes = Array(response.utf8)
        // Weak: the server's thread holds the script until `stop`, and `deinit` is what calls it.
        server.serve { [weak self] peer in
            let line = try peer.readRequest().line
            self?.requestLines.withLock { $0.append(line) }
            try peer.send(bytes)
        }
    }

    /// The request lines (`GET /path?query HTTP/1.1`) of every upgrade received so far.
    var requests: [String] { requestLines.withLock { $0 } }

    /// Stops accepting and ends the connection in progress, waiting for the server thread.
    func stop() {
        // A client that hangs up mid-request is not this stand-in's failure to report.
        _ = server.stop()
    }

    deinit { stop() }
}
