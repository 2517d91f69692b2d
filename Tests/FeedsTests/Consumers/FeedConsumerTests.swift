import Feeds
import LiveState
import Synchronization
import Testing
import WebSocket
import WebSocketTestSupport

/// `FeedConsumer` and `FeedSupervisor` against a WebSocket server on loopback, with the real
/// pipeline and store behind them.
@Suite struct FeedConsumerTests {
    /// Fast retries and a short stop, so a test never waits on production timings.
    static func quickPolicy(heartbeat: Duration = .seconds(30)) -> FeedConnectionPolicy {
        var policy = FeedConnectionPolicy()
        policy.initialBackoff = .milliseconds(20)
        policy.maxBackoff = .milliseconds(100)
        policy.heartbeatInterval = heartbeat
        return policy
    }

    static func quickOptions() -> FeedConsumerOptions {
        var options = FeedConsumerOptions()
        options.receivePollInterval = .milliseconds(20)
        options.stopTimeout = .seconds(10)
        options.client.connectTimeout = .seconds(5)
        options.client.handshakeTimeout = .seconds(5)
        return options
    }

    /// What a client can read of the ratings, for comparing two stores.
    static func servedRatings(_ store: Store) -> ([[UInt8]], Int) {
        (store.ratings(RecordQuery(limit: 1_000)).items, store.statistics().ratingCount)
    }

    @Test func connectsSendsReplayIngestsReconnectsAfterADropAndClosesWithGoingAway() throws {
        let lines = try FixtureFiles.lines(.ratings)
        let firstPart = Array(lines[..<600])
        let replay = firstPart.suffix(100).enumerated().map { ReplayDedupTests.withFreshEnvelopeID($0.element, number: $0.offset) }
        let rest = Array(lines[600...])
        let seen = Mutex<(requests: [String], firstMessages: [String], close: WebSocketCloseCode?)>(([], [], nil))

        let server = try LoopbackWebSocketServer()
        server.serve([
            { peer in
                let line = try peer.acceptUpgrade()
                let first = try peer.nextMessage()?.text ?? "(none)"
                seen.withLock { $0.requests.append(line); $0.firstMessages.append(first) }
                try peer.send(texts: firstPart)
                // Returning drops the TCP connection without a close frame.
            },
            { peer in
                let line = try peer.acceptUpgrade()
                let first = try peer.nextMessage()?.text ?? "(none)"
                seen.withLock { $0.requests.append(line); $0.firstMessages.append(first) }
                try peer.send(texts: replay + rest)
                while let message = try peer.nextMessage() {
                    if case .close(let code, _) = message {
                        seen.withLock { $0.close = code }
                        return
                    }
                }
            },
        ])

        let store = Store()
        let configuration = FeedConfiguration(
            source: .ratings, url: server.url("/api/v2.1/calendar/ratings/stream"), token: "SECRET-TOKEN", tickers: ["aapl", "MSFT"])
        let consumer = FeedConsumer(
            configuration: configuration, ingestor: FeedIngestor(pipeline: FeedPipeline(store: store)),
            policy: Self.quickPolicy(), options: Self.quickOptions())
        consumer.start()
        let expectedMessages = firstPart.count + replay.count + rest.count
        #expect(eventually { consumer.status.messages == expectedMessages })
        let status = consumer.status
        #expect(status.phase == .open)
        #expect(status.reconnects == 1)
        #expect(status.connectedSince != nil && status.lastMessageAt != nil)
        #expect(status.url == "ws://127.0.0.1:\(server.port)/api/v2.1/calendar/ratings/stream")
        #expect(status.lastError?.contains("connection lost") == true)

        // Messages are applied on the consumer's thread; wait until the last one is in.
        let reference = Store()
        let referencePipeline = FeedPipeline(store: reference)
        for line in lines { referencePipeline.ingest(line, source: .ratings, receivedAt: .now()) }
        #expect(eventually { store.statistics().sources[.ratings]?.lastMessageAt != nil && Self.servedRatings(store) == Self.servedRatings(reference) })
        let counters = try #require(store.statistics().sources[.ratings])
        #expect(counters.applied == reference.statistics().sources[.ratings]?.applied)
        #expect(counters.duplicates + counters.stale >= replay.count)

        #expect(consumer.stop())
        #expect(consumer.status.phase == .stopped)
        #expect(server.finish() == nil)
        let observed = seen.withLock { $0 }
        #expect(observed.firstMessages == ["replay", "replay"])
        #expect(observed.requests.count == 2)
        let request = "GET /api/v2.1/calendar/ratings/stream?token=SECRET-TOKEN&tickers=AAPL,MSFT HTTP/1.1"
        #expect(observed.requests == [request, request])
        #expect(observed.close == .goingAway)
    }

    @Test func unauthorizedUpgradeShowsAsAuthFailureInStatusReadinessAndLogs() throws {
        let server = try LoopbackWebSocketServer()
        server.serve([{ peer in try peer.refuseUpgrade(status: 401, reason: "Unauthorized") }])
        let (logger, log) = CapturedLog.logger()
        let configurations = [
            FeedConfiguration(source: .insights, url: server.url("/insights"), token: "SECRET-TOKEN"),
            FeedConfiguration(source: .ratings, enabled: false),
        ]
        let supervisor = FeedSupervisor(
            configurations: configurations, ingestor: FeedIngestor(pipeline: FeedPipeline(store: Store())),
            policy: Self.quickPolicy(), options: Self.quickOptions(), logger: logger)
        #expect(!supervisor.isReady)
        #expect(supervisor.readinessProblems == ["insights: never connected"])
        supervisor.start()
        #expect(eventually { supervisor.statuses.first?.authFailure == true })
        let status = try #require(supervisor.statuses.first)
        #expect(status.phase == .stoppedForAuth)
        #expect(status.lastError?.contains("HTTP 401") == true)
        #expect(status.retryAt != nil)
        #expect(supervisor.statuses.last?.phase == .disabled)
        #expect(supervisor.readinessProblems == ["insights: upstream refused the token"])
        #expect(supervisor.stop())
        #expect(server.finish() == nil)
        // Five minutes of auth backoff: exactly one attempt was made.
        #expect(server.connectionCount == 1)
        let lines = log.all
        #expect(lines.contains { $0.hasPrefix("error feed token refused") && $0.contains("feed=insights") })
        #expect(lines.contains { $0.contains("feed disabled") && $0.contains("feed=ratings") })
        #expect(lines.allSatisfy { !$0.contains("SECRET") && !$0.contains("token=") })
    }

    @Test func tooManyConnectionsIsNamedInStatus() throws {
        let server = try LoopbackWebSocketServer()
        server.serve([{ peer in try peer.refuseUpgrade(status: 429, reason: "Too Many Requests") }])
        let consumer = FeedConsumer(
            configuration: FeedConfiguration(source: .consensus, url: server.url("/c"), token: "TOKEN-FOR-429"),
            ingestor: FeedIngestor(pipeline: FeedPipeline(store: Store())), policy: Self.quickPolicy(), options: Self.quickOptions())
        consumer.start()
        #expect(eventually { consumer.status.phase == .backingOff })
        #expect(consumer.status.lastError == "too many connections for this token (HTTP 429)")
        #expect(!consumer.status.authFailure)
        #expect(consumer.stop())
        #expect(server.finish() == nil)
    }

    @Test func aSilentUpstreamIsDetectedByTheHeartbeatAndReconnected() throws {
        let pings = Atomic<Int>(0)
        let server = try LoopbackWebSocketServer()
        server.serve([
            { peer in
                try peer.acceptUpgrade()
                // Never answer: read the replay and every ping until the client gives up.
                while let message = try? peer.nextMessage() {
                    if message.text == "ping" { pings.add(1, ordering: .relaxed) }
                }
            },
            { peer in
                try peer.acceptUpgrade()
                // A live upstream: every ping answered, so this connection stays open.
                while let message = try peer.nextMessage() {
                    if message.text == "ping" { try peer.send(texts: [Array("pong".utf8)]) }
                    if case .close = message { return }
                }
            },
        ])
        let consumer = FeedConsumer(
            configuration: FeedConfiguration(source: .ratings, url: server.url("/r"), token: "t"),
            ingestor: FeedIngestor(pipeline: FeedPipeline(store: Store())),
            policy: Self.quickPolicy(heartbeat: .milliseconds(150)), options: Self.quickOptions())
        consumer.start()
        #expect(eventually { server.connectionCount == 2 && consumer.status.phase == .open })
        // Answered pings keep the second connection alive across several heartbeat intervals.
        let reconnects = consumer.status.reconnects
        #expect(!eventually(within: .milliseconds(600)) { consumer.status.reconnects != reconnects })
        #expect(consumer.status.reconnects >= 1)
        #expect(consumer.status.lastError?.contains("presumed dead") == true)
        #expect(consumer.stop())
        #expect(server.finish() == nil)
        #expect(pings.load(ordering: .relaxed) >= 1)
    }
}
