/// What `WebSocketClient.receive(timeout:)` returns: one message, the end, or nothing in time.
public enum WebSocketEvent: Sendable, Equatable {
    /// A text message, its bytes validated as UTF-8.
    case text([UInt8])
    /// A binary message.
    case binary([UInt8])
    /// The peer pinged (already answered with a pong); reported so callers can track liveness.
    case ping([UInt8])
    /// The peer sent a pong.
    case pong([UInt8])
    /// The connection is over; every later `receive` returns the same closure.
    case closed(WebSocketClosure)
    /// Nothing complete arrived before the timeout; the connection is still open.
    case timeout

    /// The text of a text message, nil for every other event.
    public var text: String? {
        if case .text(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }
}
