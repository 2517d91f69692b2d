extension WebSocketFrameEncoder {
    /// A complete text message in one frame.
    public func text(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { encode(opcode: .text, payload: UnsafeRawBufferPointer($0)) }
    }

    /// A complete binary message in one frame.
    public func binary(_ bytes: [UInt8]) -> [UInt8] {
        encode(WebSocketFrame(opcode: .binary, payload: bytes))
    }

    /// A ping; the payload should be at most 125 bytes (not checked here).
    public func ping(_ payload: [UInt8] = []) -> [UInt8] {
        encode(WebSocketFrame(opcode: .ping, payload: payload))
    }

    /// A pong, normally echoing a ping's payload.
    public func pong(_ payload: [UInt8] = []) -> [UInt8] {
        encode(WebSocketFrame(opcode: .pong, payload: payload))
    }

    /// A close frame with a code and reason (see `WebSocketCloseBody.encode` for limits);
    /// `nil` sends an empty body, which the peer reads as 1005 (no status).
    public func close(code: WebSocketCloseCode?, reason: String = "") -> [UInt8] {
        encode(WebSocketFrame(opcode: .close, payload: code.map { WebSocketCloseBody.encode(code: $0, reason: reason) } ?? []))
    }
}
