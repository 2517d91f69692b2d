import LiveState
import WebSocket

extension FeedConsumer {
    /// The consumer thread's body: actions from the machine carried out, events fed back.
    ///
    /// One visit to the machine (one lock) per wait: it records the frames received, ticks
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
            var frames = (messages: 0, controls: 0)
            var lost: WebSocketClosure?
            if let open = client {
                let due = turn.deadline ?? turn.now + options.receivePollInterval
                let wait = max(.zero, min(options.receivePollInterval, due - turn.now))
                var event = open.receive(timeout: wait)
                // Frames already read are taken back to back and recorded in one visit; a
                // quiet connection still has each frame recorded as it comes.
                while let frame = handle(event, client: &client, lost: &lost) {
                    if frame == .message { frames.messages += 1 } else { frames.controls += 1 }
                    guard let open = client, open.hasBufferedInput,
                          frames.messages + frames.controls < options.framesPerVisit else { break }
                    event = open.receive(timeout: .zero)
                }
            } else {
                waitForDeadline(limit: options.receivePollInterval)
            }
            turn = visit { machine, now in
                for _ in 0..<frames.messages { machine.received(.message, now: now) }
                for _ in 0..<frames.controls { machine.received(.control, now: now) }
                // After the frames: whether the lost connection delivered data decides how
                // soon it is reconnected.
                if let lost {
                    machine.failed(.connectionLost(lost.description), now: now)
                    return []
                }
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
    /// A closed connection is dropped and its closure left in `lost` for the machine.
    private func handle(
        _ event: WebSocketEvent, client: inout WebSocketClient?, lost: inout WebSocketClosure?
    ) -> FeedConnectionStateMachine.Frame? {
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
            lost = closure
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
