import Foundation
import Testing

/// `ratingsd` in live mode against real `upstream-sim` processes on loopback: the state after
/// the whole recorded stream, through drops and bad frames, wrong tokens and silence.
///
/// Consensus comes from a second simulator started only once ratings and insights are in: some
/// consensus lines name only an ISIN, which the store learns from the ratings, and with all three
/// streams at once whether such a line resolves would depend on thread timing.
@Suite(.serialized) struct EndToEndTests {
    static let ratingsPath = "/api/v2.1/calendar/ratings/stream"
    static let consensusPath = "/api/v1/consensus-ratings/stream"
    static let insightsPath = "/api/v1/analyst/insights/stream"
    /// Fast enough that every fixture file streams within a second.
    static let simArguments = ["--rate", "2000", "--no-loop"]
    /// How long any one wait for ratingsd may take before the test fails.
    static let patience: TimeInterval = 30

    /// `/status` of `server` now.
    static func status(_ server: RatingsdProcess) throws -> [String: Any] {
        try #require(try HTTPTestClient(port: server.port).get("/status").json() as? [String: Any])
    }

    /// `/status` of `server` as text for a failure message, or why there is none.
    static func snapshot(_ server: RatingsdProcess) -> String {
        (try? HTTPTestClient(port: server.port).get("/status").text) ?? "unavailable"
    }

    /// `sources.<source>.<counter>` of a status document.
    static func counter(_ status: [String: Any], _ source: String, _ name: String) -> Int? {
        ((status["sources"] as? [String: Any])?[source] as? [String: Any])?[name] as? Int
    }

    /// The feed named `name` of a status document.
    static func feed(_ status: [String: Any], _ name: String) -> [String: Any]? {
        (status["feeds"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    /// Polls `/status` until `condition` holds, for at most `patience`; the last document when it
    /// held, nil when it never did.
    static func waitForStatus(_ server: RatingsdProcess, until condition: ([String: Any]) -> Bool) throws -> [String: Any]? {
        let deadline = Date(timeIntervalSinceNow: patience)
        while Date() < deadline {
            let current = try status(server)
            if condition(current) { return current }
            // The feeds apply on their own threads: poll, briefly, rather than spin.
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    /// The `ws://` URL of `path` on loopback `port`, with a `fault` query when one is given.
    static func feedURL(_ port: Int, _ path: String, fault: String? = nil) -> String {
        "ws://127.0.0.1:\(port)\(path)" + (fault.map { "?fault=\($0)" } ?? "")
    }

    /// Streams the whole fixture into a live ratingsd, with a `fault` per feed, and returns the
    /// server once every source applied what the fixtures hold; fails the test otherwise.
    static func streamEverything(
        ratingsFault: String? = nil, consensusFault: String? = nil, insightsFault: String? = nil,
        expected: [String: Int]
    ) throws -> (server: RatingsdProcess, sims: [UpstreamSimProcess]) {
        let sim = try UpstreamSimProcess(arguments: simArguments)
        let consensusPort = try LoopbackSocket.closedPort()
        let server = try RatingsdProcess(
            arguments: [
                "--ratings-url", feedURL(sim.port, ratingsPath, fault: ratingsFault),
                "--insights-url", feedURL(sim.port, insightsPath, fault: insightsFault),
                "--consensus-url", feedURL(consensusPort, consensusPath, fault: consensusFault),
            ],
            environment: ["BENZINGA_TOKEN": "sim-token"])
        let first = try waitForStatus(server) { status in
            counter(status, "ratings", "applied") == expected["ratings"] && counter(status, "insights", "applied") == expected["insights"]
        }
        try #require(first != nil, "ratings and insights never reached \(expected); status: \(snapshot(server)); log:\n\(server.log.text)")
        let consensusSim = try UpstreamSimProcess(arguments: simArguments, port: consensusPort)
        let second = try waitForStatus(server) { counter($0, "consensus", "applied") == expected["consensus"] }
        try #require(second != nil, "consensus never reached \(expected); status: \(snapshot(server)); log:\n\(server.log.text)")
        return (server, [sim, consensusSim])
    }

    /// The fixture's applied counts by source, and its state.
    static func fixture() throws -> (applied: [String: Int], state: ComparableState, deadLetters: [String: Int]) {
        let (state, statistics) = try ComparableState.fromFixtures()
        var applied: [String: Int] = [:]
        var deadLetters: [String: Int] = [:]
        for (source, counters) in statistics.sources {
            applied[source.rawValue] = counters.applied
            deadLetters[source.rawValue] = counters.deadLetters
        }
        return (applied, state, deadLetters)
    }

    @Test func theFullStreamServesExactlyTheStateComputedFromTheFixtures() throws {
        let fixture = try Self.fixture()
        let (server, _) = try Self.streamEverything(expected: fixture.applied)
        let served = try ComparableState.served(port: server.port)
        #expect(served.repeatedIDs.isEmpty, "\(served.repeatedIDs)")
        #expect(served.tickers.count == fixture.state.tickers.count)
        #expect(served.ratings.count == fixture.state.ratings.count)
        #expect(served.insights.count == fixture.state.insights.count)
        #expect(served == fixture.state, "\(served.differences(from: fixture.state).joined(separator: "\n"))")
        let status = try Self.status(server)
        for source in ["ratings", "consensus", "insights"] {
            #expect(Self.counter(status, source, "dead_letters") == fixture.deadLetters[source], "\(source): \(status)")
        }
    }

    @Test func aDropNearTheEndOfEveryFeedIsHealedByReplayAndDedupWithNothingMissingOrRepeated() throws {
        let fixture = try Self.fixture()
        // Each drop leaves fewer lines than the simulator's replay holds (100), so a reconnect's
        // `replay` covers whatever streamed while the feed was away, however long its backoff;
        // and a reconnect receives fewer messages than its drop count, so each feed drops once.
        let (server, _) = try Self.streamEverything(
            ratingsFault: "drop:1223", consensusFault: "drop:304", insightsFault: "drop:115", expected: fixture.applied)
        let status = try Self.status(server)
        for name in ["ratings", "consensus", "insights"] {
            let feed = Self.feed(status, name)
            #expect((feed?["reconnects"] as? Int ?? 0) > 0, "\(name): \(feed ?? [:])")
            #expect((Self.counter(status, name, "duplicates") ?? 0) > 0, "\(name): replay brought no duplicates: \(status)")
        }
        let served = try ComparableState.served(port: server.port)
        #expect(served.repeatedIDs.isEmpty, "\(served.repeatedIDs)")
        #expect(served == fixture.state, "\(served.differences(from: fixture.state).joined(separator: "\n"))")
    }

    @Test func aMalformedFrameReconnectsOnlyItsFeedAndSaysWhy() throws {
        let sim = try UpstreamSimProcess(arguments: Self.simArguments)
        let server = try RatingsdProcess(
            arguments: [
                "--ratings-url", Self.feedURL(sim.port, Self.ratingsPath, fault: "malformed:20"),
                "--consensus-url", Self.feedURL(sim.port, Self.consensusPath),
                "--insights-url", Self.feedURL(sim.port, Self.insightsPath),
            ],
            environment: ["BENZINGA_TOKEN": "sim-token"])
        let seen = try Self.waitForStatus(server) { status in
            (Self.feed(status, "ratings")?["reconnects"] as? Int ?? 0) > 0
                && (Self.counter(status, "insights", "applied") ?? 0) > 0 && (Self.counter(status, "consensus", "applied") ?? 0) > 0
        }
        let status = try #require(seen, "the ratings feed never reconnected; log:\n\(server.log.text)")
        let ratings = try #require(Self.feed(status, "ratings"))
        let lastError = try #require(ratings["last_error"] as? String, "\(ratings)")
        #expect(lastError.contains("peer broke the protocol") && lastError.contains("reserved bits set"), "\(lastError)")
        for name in ["consensus", "insights"] {
            let feed = Self.feed(status, name)
            #expect(feed?["reconnects"] as? Int == 0, "\(name): \(feed ?? [:])")
            #expect(feed?["state"] as? String == "open", "\(name): \(feed ?? [:])")
            #expect(feed?["last_error"] is NSNull, "\(name): \(feed ?? [:])")
        }
    }

    @Test func aWrongTokenShowsAsAuthFailureOnEveryFeedAndInReadyz() throws {
        let sim = try UpstreamSimProcess(arguments: Self.simArguments)
        let server = try RatingsdProcess(
            arguments: [
                "--ratings-url", Self.feedURL(sim.port, Self.ratingsPath),
                "--consensus-url", Self.feedURL(sim.port, Self.consensusPath),
                "--insights-url", Self.feedURL(sim.port, Self.insightsPath),
            ],
            environment: ["BENZINGA_TOKEN": "wrong"])
        let seen = try Self.waitForStatus(server) { status in
            ["ratings", "consensus", "insights"].allSatisfy { Self.feed(status, $0)?["auth_failed"] as? Bool == true }
        }
        let status = try #require(seen, "auth_failed never became true on every feed; log:\n\(server.log.text)")
        for name in ["ratings", "consensus", "insights"] {
            #expect(Self.feed(status, name)?["state"] as? String == "stopped_for_auth")
            #expect((Self.feed(status, name)?["last_error"] as? String)?.contains("401") == true)
        }
        #expect(status["ready"] as? Bool == false)
        #expect(Self.counter(status, "ratings", "applied") == 0)
        #expect(try HTTPTestClient(port: server.port).get("/readyz").status == 503)
    }

    @Test func aSilentUpstreamIsFoundDeadByTheHeartbeatAndReconnected() throws {
        let sim = try UpstreamSimProcess(arguments: Self.simArguments)
        let server = try RatingsdProcess(
            arguments: ["--feeds", "ratings", "--heartbeat-interval", "1", "--ratings-url", Self.feedURL(sim.port, Self.ratingsPath, fault: "silence")],
            environment: ["BENZINGA_TOKEN": "sim-token"])
        let seen = try Self.waitForStatus(server) { ((Self.feed($0, "ratings")?["reconnects"] as? Int) ?? 0) >= 2 }
        let status = try #require(seen, "the silent feed was never reconnected twice; log:\n\(server.log.text)")
        let feed = try #require(Self.feed(status, "ratings"))
        #expect((feed["last_error"] as? String)?.contains("presumed dead") == true, "\(feed)")
        #expect(Self.counter(status, "ratings", "applied") == 0)
    }
}
