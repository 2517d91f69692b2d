/// The frame types of RFC 6455 section 5.2; any other opcode value is a protocol error (1002).
///
/// No extension is ever negotiated, so the reserved ranges 0x3-0x7 and 0xB-0xF stay reserved.
public enum WebSocketOpcode: UInt8, Sendable, Equatable, CaseIterable {
    /// The next fragment of a text or binary message.
    case continuation = 0x0
    /// A text message (or its first fragment); the payload must be UTF-8.
    case text = 0x1
    /// A binary message (or its first fragment).
    case binary = 0x2
    /// The close handshake: optional 2-byte code, then a UTF-8 reason.
    case close = 0x8
    /// A liveness probe the other side must answer with a pong carrying the same payload.
    case ping = 0x9
    /// The answer to a ping (or an unsolicited heartbeat).
    case pong = 0xA

    /// Whether this is a control frame: at most 125 payload bytes and never fragmented.
    public var isControl: Bool { rawValue & 0x8 != 0 }
}
