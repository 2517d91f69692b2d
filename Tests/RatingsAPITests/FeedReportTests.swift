import Foundation
import HTTPServer
import LiveState
import Testing
@testable import RatingsAPI

/// The `feeds` array of `/status` and the live-mode `/readyz` built from feed problems.
@Suite struct FeedReportTests {
    static let open = FeedReport(
        name: "ratings", source: .ratings, state: "open", url: "wss://api.benzinga.com/api/v2.1/calendar/ratings/stream",
        connectedSince: Timestamp(millisecondsSinceEpoch: 1_728_000_001_000),
        lastMessageAt: Timestamp(millisecondsSinceEpoch: 1_728_000_002_500), messages: 42, reconnects: 1)
    static let refused = FeedReport(
        name: "consensus[AAPL]", source: .consensus, state: "stopped_for_auth", url: "ws://127.0.0.1:9/consensus",
        retryAt: Timestamp(millisecondsSinceEpoch: 1_728_000_300_000), reconnects: 3,
        lastError: "upstream refused the token (HTTP 401); retrying slowly until it is fixed", authFailed: true, pending: 7)

    static func liveState(reasons: [String] = [], feeds: [FeedReport]) -> ServiceState {
        ServiceState(mode: .live, startedAt: Harness.startedAt, readinessReasons: reasons, feeds: feeds)
    }

    @Test func statusRendersEachFeedWithEveryKeyInOrder() {
        let text = Harness(state: Self.liveState(feeds: [Self.open, Self.refused])).send("/status").text
        let expected = #""feeds":[{"name":"ratings","source":"ratings","state":"open","#
            + #""url":"wss://api.benzinga.com/api/v2.1/calendar/ratings/stream","#
            + #""connected_since":"2024-10-04T00:00:01Z","last_message_at":"2024-10-04T00:00:02.500Z","#
            + #""retry_at":null,"messages":42,"reconnects":1,"last_error":null,"auth_failed":false,"pending":0},"#
            + #"{"name":"consensus[AAPL]","source":"consensus","state":"stopped_for_auth","#
            + #""url":"ws://127.0.0.1:9/consensus","connected_since":null,"last_message_at":null,"#
            + #""retry_at":"2024-10-04T00:05:00Z","messages":0,"reconnects":3,"#
            + #""last_error":"upstream refused the token (HTTP 401); retrying slowly until it is fixed","#
            + #""auth_failed":true,"pending":7}],"sources":{"#
        #expect(text.contains(expected), "\(text)")
    }

    @Test func statusOfLiveModeParsesWithFeedsAsObjects() throws {
        let object = try #require(Harness(state: Self.liveState(feeds: [Self.refused])).send("/status").object)
        #expect(object["mode"] as? String == "live")
        let feeds = try #require(object["feeds"] as? [[String: Any]])
        #expect(feeds.count == 1)
        #expect(feeds[0]["auth_failed"] as? Bool == true)
        #expect(feeds[0]["connected_since"] is NSNull)
        #expect(Set(feeds[0].keys) == [
            "name", "source", "state", "url", "connected_since", "last_message_at", "retry_at", "messages",
            "reconnects", "last_error", "auth_failed", "pending",
        ])
    }

    @Test func statusOfDemoModeHasAnEmptyFeedsArray() throws {
        let object = try #require(Harness().send("/status").object)
        #expect((object["feeds"] as? [Any])?.isEmpty == true)
    }

    @Test func feedErrorsAreEscapedAsJSONStrings() throws {
        var report = Self.open
        report.lastError = "closed: \"bad\"\nframe\\"
        let object = try #require(Harness(state: Self.liveState(feeds: [report])).send("/status").object)
        #expect((object["feeds"] as? [[String: Any]])?.first?["last_error"] as? String == report.lastError)
    }

    @Test func readyzOfLiveModeNamesEachFeedProblem() {
        let reasons = ["ratings: never connected", "consensus[AAPL]: upstream refused the token"]
        let response = Harness(state: Self.liveState(reasons: reasons, feeds: [Self.open, Self.refused])).send("/readyz")
        let problem = expectProblem(response, status: 503, slug: "not-ready")
        #expect(problem["readiness"] as? [String] == reasons)
        #expect(problem["detail"] as? String == "Not ready: ratings: never connected; consensus[AAPL]: upstream refused the token.")
    }

    @Test func readyzOfLiveModeWithEveryFeedConnectedIs200() {
        let response = Harness(state: Self.liveState(feeds: [Self.open])).send("/readyz")
        #expect(response.status == .ok)
        #expect(response.text == #"{"ready":true,"readiness":[]}"#)
    }

    @Test func statusOfANotReadyLiveServiceSaysNotReadyBesideItsFeeds() throws {
        let state = Self.liveState(reasons: ["consensus[AAPL]: upstream refused the token"], feeds: [Self.refused])
        let object = try #require(Harness(state: state).send("/status").object)
        #expect(object["status"] as? String == "not_ready")
        #expect(object["readiness"] as? [String] == ["consensus[AAPL]: upstream refused the token"])
    }
}
