import Foundation
import Testing

/// A bad frame on one feed (a reserved bit, a message over the 1 MiB limit, a text frame that is
/// not UTF-8) closes that feed's connection with the matching code and reconnects it, saying why
/// in `/status`; the other feeds keep their connection.
@Suite(.serialized) struct EndToEndFrameFaultTests {
    /// A simulator fault and what the ratings feed's `last_error` must then say.
    struct Case: Sendable, CustomStringConvertible {
        let fault: String
        let expected: [String]
        var description: String { fault }
    }

    static let cases = [
        Case(fault: "malformed:20", expected: ["closed with 1002", "peer broke the protocol", "reserved bits set"]),
        Case(fault: "oversized:20", expected: ["closed with 1009", "message larger than 1048576 bytes"]),
        Case(fault: "non-utf8:20", expected: ["closed with 1007", "invalid UTF-8 in text message"]),
    ]

    @Test(arguments: cases)
    func aBadFrameClosesAndReconnectsOnlyItsFeedAndSaysWhy(_ bad: Case) throws {
        let sim = try UpstreamSimProcess(arguments: EndToEndTests.simArguments)
        let server = try RatingsdProcess(
            arguments: [
                "--ratings-url", EndToEndTests.feedURL(sim.port, EndToEndTests.ratingsPath, fault: bad.fault),
                "--consensus-url", EndToEndTests.feedURL(sim.port, EndToEndTests.consensusPath),
                "--insights-url", EndToEndTests.feedURL(sim.port, EndToEndTests.insightsPath),
            ],
            environment: ["BENZINGA_TOKEN": "sim-token"])
        let seen = try EndToEndTests.waitForStatus(server) { status in
            (EndToEndTests.feed(status, "ratings")?["reconnects"] as? Int ?? 0) > 0
                && EndToEndTests.feed(status, "ratings")?["state"] as? String == "open"
                && (EndToEndTests.counter(status, "insights", "applied") ?? 0) > 0
                && (EndToEndTests.counter(status, "consensus", "applied") ?? 0) > 0
        }
        let status = try #require(seen, "the ratings feed never reconnected; log:\n\(server.log.text)")
        let ratings = try #require(EndToEndTests.feed(status, "ratings"))
        let lastError = try #require(ratings["last_error"] as? String, "\(ratings)")
        for fragment in bad.expected {
            #expect(lastError.contains(fragment), "\(bad.fault): \(lastError)")
        }
        // The bad frame is refused by the WebSocket layer, never handed to the decoder.
        #expect(EndToEndTests.counter(status, "ratings", "dead_letters") == 0, "\(status)")
        #expect((EndToEndTests.counter(status, "ratings", "applied") ?? 0) >= 20, "\(status)")
        for name in ["consensus", "insights"] {
            let feed = EndToEndTests.feed(status, name)
            #expect(feed?["reconnects"] as? Int == 0, "\(name): \(feed ?? [:])")
            #expect(feed?["state"] as? String == "open", "\(name): \(feed ?? [:])")
            #expect(feed?["last_error"] is NSNull, "\(name): \(feed ?? [:])")
        }
        withExtendedLifetime(sim) {}
    }
}
