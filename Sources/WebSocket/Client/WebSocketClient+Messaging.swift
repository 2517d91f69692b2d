extension WebSocketClient {
    /// Sends a text message; throws `notOpen` once closing or closed, or the transport's
    /// error (after which the connection is closed and `receive` reports it).
    public func send(text: String) throws(WebSocketError) {
        try write(state.sendText(text))
    }

    /// Sends a binary message.
    public func send(binary: [UInt8]) throws(WebSocketError) {
        try write(state.sendBinary(binary))
    }

    /// Sends a ping frame (at most 125 bytes of payload); the answer arrives as `.pong`.
    public func sendPing(_ payload: [UInt8] = []) throws(WebSocketError) {
        try write(state.sendPing(payload))
    }

    /// Closes with the close handshake: sends a close frame, then reads (discarding messages)
    /// until the peer's close or the close timeout, then closes the transport.
    ///
    /// Never throws: however it ends, the connection is closed and the closure says how.
    @discardableResult
    public func close(code: WebSocketCloseCode = .normalClosure, reason: String = "") -> WebSocketClosure {
        if let closure { return closure }
        if let frame = state.close(code: code, reason: reason, now: .now) {
            do { try write(frame) } catch { return closure ?? end(detail: error.description) }
        }
        while true {
            // The state's own deadline ends the wait; each receive is bounded anyway.
            if case .closed(let closure) = receive(timeout: configuration.closeTimeout) { return closure }
        }
    }

    /// Writes frame bytes within the send timeout; a failure ends the connection.
    func write(_ bytes: [UInt8]) throws(WebSocketError) {
        guard let transport, closure == nil else { throw .notOpen }
        do {
            try transport.send(bytes, deadline: .now + configuration.sendTimeout, stage: .send)
        } catch {
            _ = end(detail: error.description)
            throw error
        }
    }

    /// Ends the connection because the transport failed or ended; returns the closure.
    func end(detail: String) -> WebSocketClosure {
        let closure = state.transportEnded(detail) ?? WebSocketClosure(code: .abnormalClosure, reason: "", cause: .transportEnded(detail))
        return finish(closure)
    }

    /// Records the closure and closes the transport (releasing the curl handle).
    func finish(_ closure: WebSocketClosure) -> WebSocketClosure {
        self.closure = closure
        transport = nil
        return closure
    }
}
