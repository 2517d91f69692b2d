import LiveState
import WebSocket

extension FeedConsumer {
    /// The consumer thread's body: actions from the machine carried out, events fed back.
    func run() {
        var client: WebSocketClient?
        var pending = update { $0.start(now: .now) }
        while true {
            while !pending.isEmpty {
                let action = pending.removeFirst()
                pending += perform(action, client: &client)
            }
            if isStopRequested { break }
            if let open = client {
                let now = ContinuousClock.now
                let due = update { $0.deadline } ?? now + options.receivePollInterval
                let wait = max(.zero, min(options.receivePollInterval, due - now))
                handle(open.receive(timeout: wait), client: &client)
            } else {
                waitForDeadline(limit: options.receivePollInterval)
            }
            pending = update { $0.tick(now: .now) }
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

    /// Feeds one receive result to the pipeline and the machine.
    private func handle(_ event: WebSocketEvent, client: inout WebSocketClient?) {
        switch event {
        case .text(let bytes) where bytes == Self.pongText:
            update { $0.received(.control, now: .now) }
        case .text(let bytes), .binary(let bytes):
            // Binary data goes the same way: the decoder keeps anything that is not a feed
            // message as a dead letter, which is more useful than dropping it unseen.
            update { $0.received(.message, now: .now) }
            ingestor.ingest(bytes, source: configuration.source, subscription: subscription, receivedAt: .now())
        case .ping, .pong:
            update { $0.received(.control, now: .now) }
        case .closed(let closure):
            client = nil
            update { $0.failed(.connectionLost(closure.description), now: .now) }
        case .timeout:
            ingestor.expirePending(now: .now())
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
