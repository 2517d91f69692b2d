extension WebSocketConnectionState {
    /// The frame to send a text message with; throws `notOpen` once closing or closed.
    public mutating func sendText(_ text: String) throws(WebSocketError) -> [UInt8] {
        guard isOpen else { throw .notOpen }
        return encoder.text(text)
    }

    /// The frame to send a binary message with; throws `notOpen` once closing or closed.
    public mutating func sendBinary(_ bytes: [UInt8]) throws(WebSocketError) -> [UInt8] {
        guard isOpen else { throw .notOpen }
        return encoder.binary(bytes)
    }

    /// The frame to send a ping with; its payload may hold at most 125 bytes.
    public mutating func sendPing(_ payload: [UInt8] = []) throws(WebSocketError) -> [UInt8] {
        guard isOpen else { throw .notOpen }
        guard payload.count <= 125 else { throw .controlPayloadTooLong(payload.count) }
        return encoder.ping(payload)
    }

    /// Starts our close handshake: the close frame to send, or nil if already closing or closed.
    ///
    /// A code that may not travel on the wire (1005, 1006, 1015, ...) is sent as a close
    /// without a body, which the peer reads as "no status". The reason is cut to fit.
    public mutating func close(code: WebSocketCloseCode = .normalClosure, reason: String = "", now: ContinuousClock.Instant) -> [UInt8]? {
        guard isOpen else { return nil }
        let wireCode = code.isValidOnWire ? code : nil
        sentClose = (wireCode ?? .noStatusReceived, wireCode == nil ? "" : reason)
        phase = .closing(deadline: now + closeTimeout)
        return encoder.close(code: wireCode, reason: reason)
    }

    /// The transport ended (end of stream or an error); the closure, or nil if already closed.
    public mutating func transportEnded(_ detail: String) -> WebSocketClosure? {
        if case .closed = phase { return nil }
        let closure = WebSocketClosure(code: .abnormalClosure, reason: "", cause: .transportEnded(detail))
        phase = .closed(closure)
        pending = nil
        return closure
    }

    /// Reacts to one decoded message; nil if it needs no action.
    mutating func handle(_ message: WebSocketMessage) -> WebSocketAction? {
        let closing = !isOpen
        switch message {
        case .close(let code, let reason):
            if closing {
                return finish(WebSocketClosure(code: code, reason: reason, cause: .closeCompleted))
            }
            // Echo the peer's code (none if it sent none), then close.
            let echo = encoder.close(code: code == .noStatusReceived ? nil : code)
            pending = finish(WebSocketClosure(code: code, reason: reason, cause: .peerClosed))
            return .send(echo)
        case .ping(let payload):
            if closing { return nil }
            pending = .deliver(message)
            return .send(encoder.pong(payload))
        case .pong, .text, .binary:
            return closing ? nil : .deliver(message)
        }
    }

    /// Fails the connection for a violation: a close frame with its code (unless we already
    /// sent one), then the end of the transport.
    mutating func fail(_ error: WebSocketProtocolError) -> WebSocketAction {
        let closing = !isOpen
        let closure = WebSocketClosure(code: error.closeCode, reason: error.description, cause: .protocolViolation(error))
        let end = finish(closure)
        if closing { return end }
        pending = end
        return .send(encoder.close(code: error.closeCode, reason: error.description))
    }

    /// Enters `closed` and returns the action that closes the transport.
    mutating func finish(_ closure: WebSocketClosure) -> WebSocketAction {
        phase = .closed(closure)
        return .closeTransport(closure)
    }
}
