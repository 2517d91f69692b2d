extension WebSocketClient {
    /// The next message, the end of the connection, or `.timeout` if nothing complete arrived
    /// within `timeout` (the connection stays open).
    ///
    /// Answers pings (and reports them), finishes the close handshake when the peer closes,
    /// and turns a protocol violation into a close with the right code (reported as
    /// `.closed` with cause `.protocolViolation`).
    public func receive(timeout: Duration) -> WebSocketEvent {
        if let closure { return .closed(closure) }
        let deadline = ContinuousClock.now + timeout
        // At least one read happens even with a zero timeout, so polling callers make progress.
        var hasRead = false
        while true {
            let now = ContinuousClock.now
            while let action = state.nextAction(now: now) {
                if let event = perform(action) { return event }
            }
            guard let transport else { return .closed(end(detail: "transport closed")) }
            if hasRead, now >= deadline { return .timeout }
            hasRead = true
            var received = CurlTransport.Received.wouldBlock
            var failure: WebSocketError?
            readBuffer.withUnsafeMutableBytes { raw in
                do throws(WebSocketError) { received = try transport.receive(into: raw) } catch { failure = error }
            }
            if let failure { return .closed(end(detail: failure.description)) }
            switch received {
            case .bytes(let count):
                readBuffer.withUnsafeBytes { state.receive(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            case .wouldBlock:
                // Read until curl has nothing buffered (above), only then poll.
                if ContinuousClock.now >= deadline { return .timeout }
                _ = transport.waitReadable(until: min(deadline, state.deadline ?? deadline))
            case .endOfFile:
                return .closed(end(detail: "connection closed by peer without a close frame"))
            }
        }
    }

    /// Carries out one action; the event to return, if the action ends the wait.
    private func perform(_ action: WebSocketAction) -> WebSocketEvent? {
        switch action {
        case .send(let bytes):
            do { try write(bytes) } catch { return .closed(closure ?? end(detail: error.description)) }
            return nil
        case .deliver(let message):
            switch message {
            case .text(let bytes): return .text(bytes)
            case .binary(let bytes): return .binary(bytes)
            case .ping(let payload): return .ping(payload)
            case .pong(let payload): return .pong(payload)
            case .close: return nil  // the state turns a close into send + closeTransport
            }
        case .closeTransport(let closure):
            return .closed(finish(closure))
        }
    }
}
