import Testing
@testable import ratingsd

/// The `GET /events` flags: defaults, what they configure, and the refusals naming the flag.
struct RatingsdEventsTests {
    @Test func defaultsAreTheDocumentedOnes() throws {
        let command = try Ratingsd.parse([])
        #expect(command.eventLogSize == 100_000)
        let configuration = command.eventStreamConfiguration
        #expect(configuration.maxSubscribers == 10_000)
        #expect(configuration.heartbeat == .seconds(15))
        #expect(configuration.retryMilliseconds == 3_000)
    }

    @Test func flagsConfigureTheEventStreams() throws {
        let command = try Ratingsd.parse([
            "--event-log-size", "50", "--sse-heartbeat", "0.5", "--sse-retry", "100", "--max-subscribers", "7",
        ])
        #expect(command.eventLogSize == 50)
        #expect(command.eventStreamConfiguration == .init(maxSubscribers: 7, heartbeat: .milliseconds(500), retryMilliseconds: 100))
    }

    @Test func unusableValuesAreRefusedNamingTheFlag() {
        for (arguments, flag) in [
            (["--event-log-size", "0"], "--event-log-size"), (["--sse-heartbeat", "0"], "--sse-heartbeat"),
            (["--sse-retry", "-1"], "--sse-retry"), (["--max-subscribers", "-2"], "--max-subscribers"),
        ] {
            #expect(RatingsdTests.failure(arguments)?.contains(flag) == true, "\(arguments)")
        }
    }
}
