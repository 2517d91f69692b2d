import Foundation
import Testing
import TestSupport

/// The real binary with a token: live mode against loopback upstreams that fail in known ways
/// (nothing listening, a 401 on every upgrade). Nothing here reaches the internet, and the
/// token's value must never show in the log or in `/status`.
@Suite(.serialized) struct LiveModeTests {
    static let secret = "bz-live-secret-4f1a9c"
    static let ratingsPath = "/api/v2.1/calendar/ratings/stream"

    /// ratingsd in live mode with only the ratings feed, pointed at `port` on loopback.
    static func startLive(upstreamPort: Int, environment: [String: String] = ["BENZINGA_TOKEN": secret]) throws -> RatingsdProcess {
        try RatingsdProcess(
            arguments: ["--feeds", "ratings", "--ratings-url", "ws://127.0.0.1:\(upstreamPort)\(ratingsPath)"],
            environment: environment)
    }

    /// Polls `/status` until `condition` holds for the feed named `feed`, for at most `timeout`
    /// seconds; the last document and feed seen, or nil if the condition never held.
    static func waitForFeed(
        _ server: RatingsdProcess, named feed: String = "ratings", timeout: TimeInterval = 30,
        until condition: ([String: Any]) -> Bool
    ) throws -> (status: [String: Any], feed: [String: Any])? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        let client = try HTTPTestClient(port: server.port)
        while Date() < deadline {
            let status = try #require(try client.get("/status").json() as? [String: Any])
            let feeds = status["feeds"] as? [[String: Any]] ?? []
            if let match = feeds.first(where: { $0["name"] as? String == feed }), condition(match) {
                return (status, match)
            }
            // A short pause between polls: the feed's state changes on its own thread's schedule.
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    @Test func anUnreachableUpstreamShowsTheFeedBackingOffAndNotReady() throws {
        let port = try LoopbackSocket.closedPort()
        let server = try Self.startLive(upstreamPort: port)
        let seen = try Self.waitForFeed(server) { feed in
            feed["state"] as? String == "backing_off" && feed["last_error"] is String
        }
        let (status, feed) = try #require(seen, "the ratings feed never showed backing_off; log:\n\(server.log.text)")
        #expect(status["mode"] as? String == "live")
        #expect(status["ready"] as? Bool == false)
        #expect(feed["url"] as? String == "ws://127.0.0.1:\(port)\(Self.ratingsPath)")
        #expect(feed["auth_failed"] as? Bool == false)
        #expect(feed["connected_since"] is NSNull)
        let lastError = try #require(feed["last_error"] as? String)
        #expect(lastError.hasPrefix("could not connect: TCP connect failed: "), "\(lastError)")
        #expect(lastError.components(separatedBy: "could not connect").count == 2, "the prefix repeats: \(lastError)")
        let others = (status["feeds"] as? [[String: Any]] ?? []).filter { $0["name"] as? String != "ratings" }
        #expect(others.map { $0["state"] as? String } == ["disabled", "disabled"])

        let client = try HTTPTestClient(port: server.port)
        let readyz = try client.get("/readyz")
        #expect(readyz.status == 503)
        let readiness = try #require((try readyz.json() as? [String: Any])?["readiness"] as? [String])
        #expect(readiness.contains { $0.hasPrefix("ratings:") }, "\(readiness)")

        let statusText = try client.get("/status").text
        #expect(server.log.text.contains("live mode"))
        #expect(!server.log.text.contains("demo mode"))
        #expect(!server.log.text.contains("could not connect: could not connect"), "the prefix repeats in the log")
        #expect(!server.log.text.contains("4f1a9c"), "the token leaked into the log")
        #expect(!statusText.contains("4f1a9c"), "the token leaked into /status")
    }

    @Test func liveModeResponsesWithFeedsMatchTheOpenAPIContract() throws {
        let server = try Self.startLive(upstreamPort: try LoopbackSocket.closedPort())
        _ = try Self.waitForFeed(server) { $0["last_error"] is String }
        let result = try ContractValidator.run(port: server.port)
        #expect(result.status == 0, "validate-openapi.py failed:\n\(result.output)")
    }

    @Test func aRefusedTokenShowsAsAuthFailureInStatusAndReadyz() throws {
        let upstream = try RefusingUpstream()
        defer { upstream.stop() }
        let server = try Self.startLive(upstreamPort: upstream.port)
        let seen = try Self.waitForFeed(server) { $0["auth_failed"] as? Bool == true }
        let (_, feed) = try #require(seen, "auth_failed never became true; log:\n\(server.log.text)")
        #expect(feed["state"] as? String == "stopped_for_auth")
        #expect((feed["last_error"] as? String)?.contains("401") == true)
        #expect(feed["retry_at"] is String)

        let readyz = try HTTPTestClient(port: server.port).get("/readyz")
        #expect(readyz.status == 503)
        let problem = try #require(try readyz.json() as? [String: Any])
        #expect((problem["detail"] as? String)?.contains("ratings: upstream refused the token") == true, "\(problem)")

        // The token reached the upstream in the query, and nowhere else.
        #expect(upstream.requests.first?.contains("token=\(Self.secret)") == true, "\(upstream.requests)")
        #expect(upstream.requests.first?.hasPrefix("GET \(Self.ratingsPath)?") == true)
        #expect(server.log.text.contains("token refused"))
        #expect(!server.log.text.contains("4f1a9c"), "the token leaked into the log")
        #expect(!(try HTTPTestClient(port: server.port).get("/status").text.contains("4f1a9c")))
    }

    @Test func aFeedsOwnTokenIsUsedOverTheSharedOne() throws {
        let upstream = try RefusingUpstream()
        defer { upstream.stop() }
        let server = try Self.startLive(
            upstreamPort: upstream.port,
            environment: ["BENZINGA_TOKEN": "shared-token", "BENZINGA_RATINGS_TOKEN": Self.secret])
        _ = try #require(try Self.waitForFeed(server) { $0["auth_failed"] as? Bool == true })
        #expect(upstream.requests.first?.contains("token=\(Self.secret)") == true, "\(upstream.requests)")
        #expect(!server.log.text.contains("shared-token"))
    }

    @Test func sigtermInLiveModeExitsZero() throws {
        let server = try Self.startLive(upstreamPort: try LoopbackSocket.closedPort())
        _ = try #require(try Self.waitForFeed(server) { $0["last_error"] is String })
        #expect(server.terminate() == 0, "log:\n\(server.log.text)")
        #expect(server.log.text.contains("shutting down"))
        #expect(server.log.text.contains("stopped"))
    }

    /// The first recorded ratings message of Fixtures/, as an upstream would send it.
    static func recordedRatingsMessage() throws -> String {
        let text = try String(contentsOf: DemoModeTests.repositoryRoot.appendingPathComponent("Fixtures/ratings.jsonl"), encoding: .utf8)
        return try #require(text.split(separator: "\n").first.map(String.init))
    }

    @Test func aConnectedFeedIsReadyAndItsMessagesReachTheStore() throws {
        let upstream = try AcceptingUpstream(messages: [try Self.recordedRatingsMessage()])
        defer { upstream.stop() }
        let server = try Self.startLive(upstreamPort: upstream.port)
        let seen = try Self.waitForFeed(server) { $0["state"] as? String == "open" && ($0["messages"] as? Int ?? 0) >= 1 }
        let (_, feed) = try #require(seen, "the feed never opened with a message; log:\n\(server.log.text)")
        #expect(feed["connected_since"] is String)
        #expect(feed["last_message_at"] is String)
        #expect(feed["last_error"] is NSNull)

        let client = try HTTPTestClient(port: server.port)
        #expect(try client.get("/readyz").status == 200)
        let status = try #require(try client.get("/status").json() as? [String: Any])
        #expect(status["ready"] as? Bool == true)
        let ratings = (status["sources"] as? [String: Any])?["ratings"] as? [String: Any]
        #expect(ratings?["applied"] as? Int == 1)
        #expect(upstream.receivedTexts.first == "replay")
    }

    @Test func sigtermInLiveModeClosesTheUpstreamWithGoingAwayAndExitsZero() throws {
        let upstream = try AcceptingUpstream(messages: [])
        defer { upstream.stop() }
        let server = try Self.startLive(upstreamPort: upstream.port)
        _ = try #require(try Self.waitForFeed(server) { $0["state"] as? String == "open" })
        #expect(server.terminate() == 0, "log:\n\(server.log.text)")
        #expect(upstream.waitForCloseCode(timeout: 10) == 1001)
        let log = server.log.text
        let feedStopped = try #require(log.range(of: "feed stopped"), "\(log)")
        let serverStopping = try #require(log.range(of: "HTTP server shutting down"), "\(log)")
        #expect(feedStopped.lowerBound < serverStopping.lowerBound, "feeds stop before the server drains")
    }

    @Test func aTokenOnlyForADisabledFeedMeansDemoModeAndSaysWhy() throws {
        let server = try DemoModeTests.startLoaded(
            arguments: ["--feeds", "ratings"], environment: ["BENZINGA_CONSENSUS_TOKEN": Self.secret])
        let line = server.log.text.split(separator: "\n").first { $0.contains("demo mode") }
        #expect(line?.contains("BENZINGA_TOKEN") == true)
        let status = try #require(try HTTPTestClient(port: server.port).get("/status").json() as? [String: Any])
        #expect(status["mode"] as? String == "demo")
        #expect((status["feeds"] as? [Any])?.isEmpty == true)
        #expect(!server.log.text.contains("4f1a9c"))
    }

    @Test func consensusPerTickerWithoutTickersIsRefusedAtStartup() throws {
        let process = Process()
        process.executableURL = RatingsdProcess.executableURL
        process.arguments = ["--port", "0", "--consensus-per-ticker"]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BENZINGA_") }
            .merging(["BENZINGA_TOKEN": Self.secret]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(text.contains("--consensus-per-ticker needs --tickers"), "\(text)")
        #expect(!text.contains("4f1a9c"))
    }
}
