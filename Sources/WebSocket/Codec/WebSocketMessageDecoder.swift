/// Bytes in, messages out: frames reassembled, text validated as UTF-8, close bodies read.
///
/// Control frames may arrive between the fragments of a message and come out at once, in wire
/// order. Text is validated fragment by fragment, so invalid UTF-8 fails (1007) as soon as
/// it arrives, while a character cut between two fragments is fine until the last one.
/// After the first violation every call throws the same error.
public struct WebSocketMessageDecoder: Sendable {
    /// The frame layer underneath (its limits are the message limits).
    public private(set) var frames: WebSocketFrameDecoder
    /// Payload of the fragmented message in progress; grows only as fragments arrive.
    private var fragments: [UInt8] = []
    private var fragmentedOpcode = WebSocketOpcode.binary
    private var utf8 = UTF8Validator()
    private var failure: WebSocketProtocolError?

    /// A decoder for `role` with the given limits.
    public init(role: WebSocketRole, limits: WebSocketLimits = WebSocketLimits()) {
        frames = WebSocketFrameDecoder(role: role, limits: limits)
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        frames.append(bytes)
    }

    /// Adds received bytes from any byte sequence.
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        frames.append(contentsOf: bytes)
    }

    /// The next message or control frame, or nil until more bytes arrive.
    public mutating func nextMessage() throws(WebSocketProtocolError) -> WebSocketMessage? {
        if let failure { throw failure }
        do {
            while let frame = try frames.nextFrame() {
                if let message = try absorb(frame) { return message }
            }
            return nil
        } catch {
            failure = error
            throw error
        }
    }

    /// Turns one frame into a message, or keeps it as a fragment and returns nil.
    private mutating func absorb(_ frame: WebSocketFrame) throws(WebSocketProtocolError) -> WebSocketMessage? {
        switch frame.opcode {
        case .ping: return .ping(frame.payload)
        case .pong: return .pong(frame.payload)
        case .close:
            let body = try WebSocketCloseBody.decode(frame.payload)
            return .close(code: body.code, reason: body.reason)
        case .text, .binary:
            fragmentedOpcode = frame.opcode
            utf8 = UTF8Validator()
            try check(frame.payload, final: frame.fin)
            if frame.fin { return message(frame.payload) }
            fragments = frame.payload
            return nil
        case .continuation:
            try check(frame.payload, final: frame.fin)
            fragments.append(contentsOf: frame.payload)
            guard frame.fin else { return nil }
            var whole: [UInt8] = []
            swap(&whole, &fragments)
            return message(whole)
        }
    }

    /// Validates a text fragment; the last one must not end inside a character.
    private mutating func check(_ payload: [UInt8], final: Bool) throws(WebSocketProtocolError) {
        guard fragmentedOpcode == .text else { return }
        guard utf8.validate(payload), !final || utf8.isComplete else { throw .invalidUTF8 }
    }

    private func message(_ payload: [UInt8]) -> WebSocketMessage {
        fragmentedOpcode == .text ? .text(payload) : .binary(payload)
    }
}
