import Foundation
import Testing

/// ratingsd over `wss://`: upstream-sim behind a local TLS relay whose certificate a test CA
/// signed. Trusted through `--ca-file`, messages reach the store; without it, certificate
/// verification (on by default) refuses the peer and `/status` says so.
@Suite(.serialized) struct SecureFeedTests {
    /// ratingsd following only the ratings feed at the relay, with `extra` arguments.
    static func start(relay: TLSRelayProcess, _ extra: [String] = []) throws -> RatingsdProcess {
        try RatingsdProcess(
            arguments: ["--feeds", "ratings", "--ratings-url", "wss://127.0.0.1:\(relay.port)\(EndToEndTests.ratingsPath)"] + extra,
            environment: ["BENZINGA_TOKEN": "sim-token"])
    }

    @Test func aWssFeedTrustedThroughCAFileDeliversTheWholeStreamIntoTheStore() throws {
        let expected = try EndToEndTests.fixture().settled["ratings"]
        let sim = try UpstreamSimProcess(arguments: EndToEndTests.simArguments)
        let relay = try TLSRelayProcess(targetPort: sim.port)
        let server = try Self.start(relay: relay, ["--ca-file", relay.caFile])
        let seen = try EndToEndTests.waitForStatus(server) { EndToEndTests.settled($0, "ratings") == expected }
        let status = try #require(seen, "ratings never reached \(expected ?? -1) over wss; status: \(EndToEndTests.snapshot(server)); log:\n\(server.log.text)")
        let feed = try #require(EndToEndTests.feed(status, "ratings"))
        #expect(feed["url"] as? String == "wss://127.0.0.1:\(relay.port)\(EndToEndTests.ratingsPath)")
        #expect(feed["state"] as? String == "open")
        #expect(feed["last_error"] is NSNull, "\(feed)")
        #expect(status["ready"] as? Bool == true)
        withExtendedLifetime((sim, relay)) {}
    }

    @Test func withoutCAFileTheTestCertificateIsRefusedAndStatusSaysWhy() throws {
        let sim = try UpstreamSimProcess(arguments: EndToEndTests.simArguments)
        let relay = try TLSRelayProcess(targetPort: sim.port)
        let server = try Self.start(relay: relay)
        let seen = try EndToEndTests.waitForStatus(server) { status in
            EndToEndTests.feed(status, "ratings")?["last_error"] is String
        }
        let status = try #require(seen, "the wss feed never failed; log:\n\(server.log.text)")
        let feed = try #require(EndToEndTests.feed(status, "ratings"))
        let lastError = try #require(feed["last_error"] as? String)
        #expect(lastError.contains("TLS failed") && lastError.contains("certificate"), "\(lastError)")
        #expect(feed["state"] as? String != "open", "\(feed)")
        #expect(status["ready"] as? Bool == false)
        #expect(EndToEndTests.counter(status, "ratings", "applied") == 0)
        // The log line follows the status change on the feed's thread: await it, bounded.
        let logged = server.log.waitForLine(timeout: EndToEndTests.patience) { $0.contains("TLS failed") && $0.contains("certificate") ? true : nil }
        #expect(logged == true, "the log does not say why:\n\(server.log.text)")
        withExtendedLifetime((sim, relay)) {}
    }
}
