import WebSocket

/// What a client says: the `ping` and `replay` commands, control frames, protocol errors.
extension SimConnection {
    /// Decodes `bytes` (on the event loop thread) and acts on every complete message;
    /// `replay` gets the path's recent messages from `recent`.
    func receive(_ bytes: [UInt8], recent: () -> [SimMessage]) {
        var messages: [WebSocketMessage] = []
        var failure: WebSocketProtocolError?
        state.withLock { state in
            guard !state.closed else { return }
            state.decoder.append(contentsOf: bytes)
            do throws(WebSocketProtocolError) {
                while let message = try state.decoder.nextMessage() { messages.append(message) }
            } catch {
                failure = error
            }
        }
        for message in messages { handle(message, recent: recent) }
        if let failure {
            logger.notice("client broke the protocol; closing", metadata: ["error": "\(failure)"])
            closeHandshake(code: failure.closeCode, reason: "protocol error")
        }
    }

    private func handle(_ message: WebSocketMessage, recent: () -> [SimMessage]) {
        switch message {
        case .text(let bytes):
            switch String(decoding: bytes, as: UTF8.self).trimmingSpaces() {
            case "ping":
                if !faults.silence { write(encoder.text("pong")) }
            case "replay":
                let messages = recent()
                logger.info("replay", metadata: ["messages": "\(messages.count)"])
                for message in messages { send(message, replayed: true) }
            default:
                logger.debug("ignored a text message that is no command", metadata: ["bytes": "\(bytes.count)"])
            }
        case .ping(let payload):
            if !faults.silence { write(encoder.pong(payload)) }
        case .close(let code, _):
            logger.info("client closed", metadata: ["code": "\(code)"])
            closeHandshake(code: .normalClosure, reason: "")
        case .binary, .pong:
            break
        }
    }

    /// Sends a close frame, then closes the connection once it is out.
    func closeHandshake(code: WebSocketCloseCode, reason: String) {
        state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            upgraded.write(encoder.close(code: code, reason: reason))
            upgraded.close()
        }
    }

    /// Writes a control answer unless the connection is closing.
    private func write(_ frame: [UInt8]) {
        state.withLock { state in
            if !state.closed { upgraded.write(frame) }
        }
    }
}
