/// One thing the peer said: a whole (reassembled) data message or a control frame.
public enum WebSocketMessage: Sendable, Equatable {
    /// A text message, its bytes already validated as UTF-8 (kept as bytes so a JSON parser
    /// can read them in place; `text` gives a `String`).
    case text([UInt8])
    /// A binary message.
    case binary([UInt8])
    /// A ping with its payload (the connection state answers it).
    case ping([UInt8])
    /// A pong with its payload.
    case pong([UInt8])
    /// A close frame: its code (1005 if it had none) and reason.
    case close(code: WebSocketCloseCode, reason: String)

    /// The text of a text message, nil for every other kind.
    public var text: String? {
        if case .text(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }
}
