import LiveState
import WebSocket

extension FeedConsumer {
    /// The consumer thread's body: actions from the machine carried out, events fed back.
    ///
    /// One visit to the machine (one lock) per received event: it records the frame, ticks
    /// if a deadline is due, and reads the next deadline and whether to stop, all at once.
    func run() {
        var client: WebSocketClient?
        var turn = visit { machine, now in machine.start(now: now) }
        while true {
            if !turn.actions.isEmpty {
                var pending = turn.actions
                while !pending.isEmpty {
                    let action = pending.removeFirst()
                    pending += perform(action, client: &client)
                }
                // Acting may have changed the deadline (connected, failed) or taken a while.
                turn = visit { _, _ in [] }
            }
            if turn.stopRequested { break }
            var frame: FeedConnectionStateMachine.Frame?
            if let open = client {
                let due = turn.deadline ?? turn.now + options.receivePollInterval
                let wait = max(.zero, min(options.receivePollInterval, due - turn.now))
                frame = handle(open.receive(timeout: wait), client: &client)
            } else {
                waitForDeadline(limit: options.receivePollInterval)
            }
            turn = visit { machine, now in
                if let frame { machine.received(frame, now: now) }
                // `tick` acts only once `deadline` has passed; before that it is skipped, which
                // spares a message the machine's time arithmetic.
                guard let deadline = machine.deadline, now >= deadline else { return [] }
                return machine.tick(now: now)
            }
        }
        if update({ $0.stop(now: .now) }).contains(.closeGoingAway) {
            client?.close(code: .goingAway, reason: "shutting down")
        }
        client = nil
        finish()
    }

    /// Carries out one action; the actions that follow from it.
    private func perform(_ action: FeedConnectionStateMachine.Action, client: inout WebSocketClient?) -> [FeedConnectionStateMachine.Action] {
        switch action {
        case .connect:
            do throws(WebSocketError) {
                let url = try configuration.connectionURL()
                client = try WebSocketClient.connect(to: url, configuration: options.client)
                return update { $0.opened(now: .now) }
            } catch {
                update { $0.failed(Self.failure(for: error), now: .now) }
                return []
            }
        case .send(let text):
            // A failed send closes the client; the next receive reports that closure, which
            // is where the loss is handled.
            try? client?.send(text: text)
            return []
        case .abandon:
            client = nil
            return []
        case .closeGoingAway:
            client?.close(code: .goingAway, reason: "shutting down")
            client = nil
            return []
        }
    }

    /// Feeds one receive result to the pipeline; the kind of frame the machine is to record.
    private func handle(_ event: WebSocketEvent, client: inout WebSocketClient?) -> FeedConnectionStateMachine.Frame? {
        switch event {
        case .text(let bytes) where bytes == Self.pongText:
            return .control
        case .text(let bytes), .binary(let bytes):
            // Binary data goes the same way: the decoder keeps anything that is not a feed
            // message as a dead letter, which is more useful than dropping it unseen.
            ingestor.ingest(bytes, source: configuration.source, subscription: subscription, receivedAt: .now())
            return .message
        case .ping, .pong:
            return .control
        case .closed(let closure):
            client = nil
            update { $0.failed(.connectionLost(closure.description), now: .now) }
            return nil
        case .timeout:
            ingestor.expirePending(now: .now())
            return nil
        }
    }

    /// The upstream's answer to the text `ping`.
    private static let pongText = Array("pong".utf8)

    /// The state machine's view of a connect failure.
    static func failure(for error: WebSocketError) -> FeedFailure {
        switch error {
        case .upgradeRefused(let status, _) where status == 401 || status == 403: .unauthorized(status: status)
        case .upgradeRefused(429, _): .tooManyConnections
        default: .connectFailed(error.description)
        }
    }
}
