import Glibc
import WebSocket

extension LoopbackWebSocketPeer {
    /// The next message delivered or the closure, performing the state's sends (pongs, close
    /// echoes) on the way; nil if the client closed the TCP connection first.
    public func next() throws -> WebSocketAction? {
        while true {
            while let action = state.nextAction(now: .now) {
                if case .send(let bytes) = action { try send(bytes) } else { return action }
            }
            guard let chunk = try read() else { return nil }
            state.receive(contentsOf: chunk)
        }
    }

    /// The next message from the client, pings and pongs included; the end of the connection
    /// as a `.close` message (a client's close is echoed first); nil at end of stream.
    public func nextMessage() throws -> WebSocketMessage? {
        switch try next() {
        case .deliver(let message): return message
        case .closeTransport(let closure): return .close(code: closure.code, reason: closure.reason)
        case .send, nil: return nil
        }
    }

    /// Runs the connection (answering pings, echoing a close) until it ends: the closure, or
    /// nil if the client dropped the TCP connection without a close handshake.
    @discardableResult
    public func runUntilClosed() throws -> WebSocketClosure? {
        while let action = try next() {
            if case .closeTransport(let closure) = action { return closure }
        }
        return nil
    }

    /// Whether the client closes the TCP connection within the read timeout (a reset counts).
    public func awaitEndOfStream() -> Bool {
        while true {
            do {
                guard try read() != nil else { return true }
            } catch {
                return errno == ECONNRESET
            }
        }
    }
}
