import Dispatch
import Synchronization
import WebSocketTestSupport

/// A loopback stand-in for a Benzinga stream that accepts the upgrade, sends fixed text
/// messages, answers pings, and records what the client sends: its text messages (`replay`,
/// `ping`) and the code of its close frame. Serves one connection at a time, which is all a
/// single feed opens.
final class AcceptingUpstream: Sendable {
    private let server: LoopbackWebSocketServer
    private let texts = Mutex<[String]>([])
    private let closeCodes = Mutex<[UInt16]>([])
    /// Signalled once per close frame received.
    private let closed = DispatchSemaphore(value: 0)
    /// How long a connected client may stay silent: longer than any test here runs, so only
    /// `stop` ends a connection the client keeps open (the feed's heartbeat is 30 s).
    static let idleLimit: Duration = .seconds(120)
    /// The port it listens on (127.0.0.1).
    var port: Int { server.port }

    /// Starts listening on an ephemeral port; each connection gets `messages` after the 101.
    init(messages: [String]) throws {
        server = try LoopbackWebSocketServer(readTimeout: Self.idleLimit)
        let messages = messages.map { Array($0.utf8) }
        // Weak: the server's thread holds the script until `stop`, and `deinit` is what calls it.
        server.serve { [weak self] peer in
            try peer.acceptUpgrade()
            try peer.send(texts: messages)
            while let message = try peer.nextMessage() {
                guard let self else { return }
                switch message {
                case .text(let bytes):
                    texts.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
                case .close(let code, _):
                    closeCodes.withLock { $0.append(code.rawValue) }
                    closed.signal()
                    return
                default:
                    continue
                }
            }
        }
    }

    /// The text messages the client has sent so far.
    var receivedTexts: [String] { texts.withLock { $0 } }

    /// Waits up to `timeout` seconds for the client's close frame; its code, or nil.
    func waitForCloseCode(timeout: Double) -> UInt16? {
        if let code = closeCodes.withLock({ $0.first }) { return code }
        guard closed.wait(timeout: .now() + timeout) == .success else { return nil }
        return closeCodes.withLock { $0.first }
    }

    /// Stops accepting and ends the connection in progress, waiting for the server thread.
    func stop() {
        // The client is often still connected here; its reads ending is not a failure to report.
        _ = server.stop()
    }

    deinit { stop() }
}
