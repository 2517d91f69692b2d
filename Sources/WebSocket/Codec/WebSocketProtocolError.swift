/// A way the peer broke RFC 6455, each case carrying the close code to fail the connection with.
///
/// Thrown by the decoders at the first byte that proves the violation; the connection state
/// turns it into a close frame with `closeCode` and the end of the transport.
public enum WebSocketProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One of RSV1-3 was set, but no extension was negotiated.
    case reservedBitsSet
    /// The opcode is reserved (0x3-0x7, 0xB-0xF).
    case unknownOpcode(UInt8)
    /// A client received a masked frame (servers never mask).
    case maskedFrameFromServer
    /// A server received an unmasked frame (clients always mask).
    case unmaskedFrameFromClient
    /// A 16- or 64-bit length was used for a length the shorter form could carry.
    case nonMinimalLength
    /// A 64-bit length had its most significant bit set.
    case lengthHighBitSet
    /// A control frame declared more than 125 payload bytes.
    case controlFrameTooLong
    /// A control frame had FIN clear.
    case fragmentedControlFrame
    /// A continuation frame arrived with no fragmented message in progress.
    case unexpectedContinuation
    /// A new text or binary frame arrived while a fragmented message was unfinished.
    case expectedContinuation
    /// A message (all its fragments together) would exceed the maximum message size.
    case messageTooBig(limit: Int)
    /// A text message was not valid UTF-8.
    case invalidUTF8
    /// A close frame had a 1-byte payload (a code needs two).
    case closePayloadTooShort
    /// A close frame carried a code that may not appear on the wire.
    case invalidCloseCode(UInt16)
    /// A close frame's reason was not valid UTF-8.
    case invalidCloseReason

    /// The code to close the connection with: 1009 for size, 1007 for bad UTF-8, else 1002.
    public var closeCode: WebSocketCloseCode {
        switch self {
        case .messageTooBig: .messageTooBig
        case .invalidUTF8, .invalidCloseReason: .invalidPayloadData
        default: .protocolError
        }
    }

    /// A short phrase, also used as the reason in the close frame we send.
    public var description: String {
        switch self {
        case .reservedBitsSet: "reserved bits set"
        case .unknownOpcode(let value): "unknown opcode \(value)"
        case .maskedFrameFromServer: "masked frame from server"
        case .unmaskedFrameFromClient: "unmasked frame from client"
        case .nonMinimalLength: "non-minimal length encoding"
        case .lengthHighBitSet: "64-bit length with high bit set"
        case .controlFrameTooLong: "control frame longer than 125 bytes"
        case .fragmentedControlFrame: "fragmented control frame"
        case .unexpectedContinuation: "continuation without a message"
        case .expectedContinuation: "new message inside a fragmented one"
        case .messageTooBig(let limit): "message larger than \(limit) bytes"
        case .invalidUTF8: "invalid UTF-8 in text message"
        case .closePayloadTooShort: "close frame with a 1-byte payload"
        case .invalidCloseCode(let code): "invalid close code \(code)"
        case .invalidCloseReason: "invalid UTF-8 in close reason"
        }
    }
}
