import Foundation
import HTTPServer
import LiveState
import Testing
@testable import RatingsAPI

/// `/status`, `/readyz` and the shapes SHAPES.md fixes for them.
@Suite struct StatusDocumentTests {
    static func statistics() -> StoreStatistics {
        var ratings = SourceCounters()
        ratings.applied = 1000
        ratings.duplicates = 3
        ratings.stale = 2
        ratings.unknownDeletes = 1
        ratings.deadLetters = 1
        ratings.lastMessageAt = Timestamp(millisecondsSinceEpoch: 1_728_000_010_250)
        let letter = DeadLetter(
            source: .ratings, reason: "data.content.ticker is missing",
            excerpt: "{\"id\":\"x\",\n\"data\":\u{01}\"\\", receivedAt: Timestamp(millisecondsSinceEpoch: 1_728_000_005_000))
        return StoreStatistics(
            sources: [.ratings: ratings], tickerCount: 40, ratingCount: 1000, insightCount: 100, consensusCount: 40,
            recentDeadLetters: [letter])
    }

    @Test func statusRendersEveryKeyInOrder() throws {
        var contents = Fixtures.contents()
        contents.stats = Self.statistics()
        let response = Harness(contents: contents).send("/status")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json")
        let expected = #"{"status":"ok","mode":"demo","started_at":"2024-10-04T00:00:00Z","uptime_seconds":12.5,"#
            + #""ready":true,"readiness":[],"feeds":[],"sources":{"#
            + #""ratings":{"applied":1000,"duplicates":3,"stale":2,"unknown_deletes":1,"dead_letters":1,"#
            + #""last_message_at":"2024-10-04T00:00:10.250Z"},"#
            + #""consensus":{"applied":0,"duplicates":0,"stale":0,"unknown_deletes":0,"dead_letters":0,"last_message_at":null},"#
            + #""insights":{"applied":0,"duplicates":0,"stale":0,"unknown_deletes":0,"dead_letters":0,"last_message_at":null}},"#
            + #""store":{"tickers":40,"ratings":1000,"insights":100,"consensus":40},"#
            + #""dead_letters":[{"source":"ratings","reason":"data.content.ticker is missing","#
            + #""excerpt":"{\"id\":\"x\",\n\"data\":\u0001\"\\","received_at":"2024-10-04T00:00:05Z"}]}"#
        #expect(response.text == expected)
        let excerpt = try #require((response.object?["dead_letters"] as? [[String: Any]])?.first?["excerpt"] as? String)
        #expect(excerpt == Self.statistics().recentDeadLetters[0].excerpt)
    }

    @Test func statusOfANotReadyLiveServiceSaysWhy() {
        let state = ServiceState(mode: .live, startedAt: Harness.startedAt, readinessReasons: ["ratings feed not connected"])
        let object = Harness(state: state, uptimeMilliseconds: 3_000).send("/status").object
        #expect(object?["status"] as? String == "not_ready")
        #expect(object?["mode"] as? String == "live")
        #expect(object?["ready"] as? Bool == false)
        #expect(object?["readiness"] as? [String] == ["ratings feed not connected"])
        #expect(object?["uptime_seconds"] as? Int == 3)
    }

    @Test func readyzIs200WhenReady() {
        let response = Harness().send("/readyz")
        #expect(response.status == .ok)
        #expect(response.text == #"{"ready":true,"readiness":[]}"#)
    }

    @Test func readyzIs503ProblemNamingTheReasons() {
        let reasons = ["state not loaded", "consensus feed not connected"]
        let state = ServiceState(mode: .live, startedAt: Harness.startedAt, readinessReasons: reasons)
        let response = Harness(state: state).send("/readyz")
        let problem = expectProblem(response, status: 503, slug: "not-ready")
        #expect(problem["detail"] as? String == "Not ready: state not loaded; consensus feed not connected.")
        #expect(problem["readiness"] as? [String] == reasons)
    }

    @Test(arguments: [(Int64(0), "0"), (1, "0.001"), (10, "0.01"), (12_500, "12.5"), (3_000, "3"), (86_400_123, "86400.123")])
    func uptimeIsExactDecimalSeconds(milliseconds: Int64, rendered: String) {
        let text = Harness(uptimeMilliseconds: milliseconds).send("/status").text
        #expect(text.contains(#""uptime_seconds":\#(rendered),"#))
    }

    @Test func clockBeforeStartIsZeroUptime() {
        #expect(Harness(uptimeMilliseconds: -5_000).send("/status").text.contains(#""uptime_seconds":0,"#))
    }
}
