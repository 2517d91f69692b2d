import ArgumentParser
import Feeds
import LiveState
import Testing
@testable import ratingsd

/// The feed flags: parsing, validation, and the per-connection configurations they resolve to.
@Suite struct RatingsdTests {
    static func configurations(_ arguments: [String], environment: [String: String] = [:]) throws -> [FeedConfiguration] {
        try Ratingsd.parse(arguments).feedConfigurations(environment: environment)
    }

    /// The operator-facing message of a parse or validation failure.
    static func failure(_ arguments: [String]) -> String? {
        do {
            _ = try Ratingsd.parse(arguments)
            return nil
        } catch {
            return Ratingsd.message(for: error)
        }
    }

    @Test func withoutATokenEveryFeedIsDisabledOnBenzingasURLs() throws {
        let configurations = try Self.configurations([])
        #expect(configurations.map(\.source) == [.ratings, .consensus, .insights])
        #expect(configurations.allSatisfy { !$0.enabled })
        #expect(configurations.map(\.url) == FeedSource.allCases.map(FeedConfiguration.defaultURL))
    }

    @Test func sharedTokenEnablesEveryFeedAndPerFeedTokensWin() throws {
        let environment = ["BENZINGA_TOKEN": "shared", "BENZINGA_INSIGHTS_TOKEN": "own"]
        let configurations = try Self.configurations([], environment: environment)
        #expect(configurations.allSatisfy { $0.enabled })
        #expect(configurations.map(\.token) == ["shared", "shared", "own"])
    }

    @Test func aFeedTokenAloneEnablesOnlyThatFeed() throws {
        let configurations = try Self.configurations([], environment: ["BENZINGA_CONSENSUS_TOKEN": "c"])
        #expect(configurations.filter(\.enabled).map(\.source) == [.consensus])
    }

    @Test func feedsFlagSwitchesTheOthersOffEvenWithAToken() throws {
        let configurations = try Self.configurations(["--feeds", " Ratings ,insights"], environment: ["BENZINGA_TOKEN": "t"])
        #expect(configurations.filter(\.enabled).map(\.source) == [.ratings, .insights])
        #expect(configurations.first { $0.source == .consensus }?.enabled == false)
    }

    @Test func urlsTickersAndConsensusOptionsReachTheConfigurations() throws {
        let configurations = try Self.configurations([
            "--ratings-url", "ws://127.0.0.1:9001/r", "--consensus-url", "ws://127.0.0.1:9001/c",
            "--insights-url", "ws://127.0.0.1:9001/i", "--tickers", "aapl, msft", "--isins", "US0378331005",
            "--consensus-simplify", "--consensus-aggregate-type", "Percentage",
        ], environment: ["BENZINGA_TOKEN": "t"])
        #expect(configurations.map(\.url) == ["ws://127.0.0.1:9001/r", "ws://127.0.0.1:9001/c", "ws://127.0.0.1:9001/i"])
        #expect(configurations.allSatisfy { $0.tickers == ["AAPL", "MSFT"] && $0.isins == ["US0378331005"] })
        let consensus = try #require(configurations.first { $0.source == .consensus })
        #expect(consensus.simplify == true)
        #expect(consensus.aggregateType == .percentage)
    }

    @Test func simplifyIsLeftToTheUpstreamUnlessGiven() throws {
        let consensus = try #require(try Self.configurations([]).first { $0.source == .consensus })
        #expect(consensus.simplify == nil)
        #expect(consensus.aggregateType == nil)
    }

    @Test func consensusPerTickerOpensOneConnectionPerTicker() throws {
        let configurations = try Self.configurations(
            ["--tickers", "AAPL,MSFT", "--consensus-per-ticker"], environment: ["BENZINGA_TOKEN": "t"])
        #expect(configurations.map(\.name) == ["ratings", "consensus[AAPL]", "consensus[MSFT]", "insights"])
    }

    @Test(arguments: [
        (["--consensus-per-ticker"], "--consensus-per-ticker needs --tickers"),
        (["--feeds", "ratings,news"], "--feeds: unknown feed 'news'"),
        (["--feeds", " , "], "--feeds names no feed"),
        (["--consensus-aggregate-type", "ratio"], "--consensus-aggregate-type must be number or percentage"),
        (["--heartbeat-interval", "0"], "--heartbeat-interval must be"),
        (["--ca-file", "/nonexistent/ca.pem"], "--ca-file: cannot read /nonexistent/ca.pem"),
        (["--max-pending-consensus=-1"], "--max-pending-consensus must be 0 or more"),
        (["--pending-consensus-seconds", "0"], "--pending-consensus-seconds must be 1-86400"),
        (["--ratings-url", "http://example.com/stream"], "--ratings-url"),
    ])
    func unusableFeedOptionsFailWithAMessageNamingTheFlag(arguments: [String], message: String) {
        let text = Self.failure(arguments)
        #expect(text?.contains(message) == true, "\(text ?? "accepted")")
    }

    @Test func tokensAreNeverFlags() {
        #expect(Self.failure(["--token", "secret"]) != nil)
        #expect(Self.failure(["--benzinga-token", "secret"]) != nil)
    }

    @Test func heartbeatIntervalAndCAFileReachTheConsumers() throws {
        let command = try Ratingsd.parse(["--heartbeat-interval", "12.5", "--ca-file", "/dev/null"])
        #expect(command.feedPolicy.heartbeatInterval == .milliseconds(12_500))
        #expect(command.feedConsumerOptions.client.caFile == "/dev/null")
        #expect(try Ratingsd.parse([]).feedPolicy.heartbeatInterval == .seconds(30))
    }

    @Test func pendingConsensusLimitsReachThePipelineWithTheirDefaults() throws {
        let command = try Ratingsd.parse(["--max-pending-consensus", "5", "--pending-consensus-seconds", "2.5"])
        #expect(command.pendingLimits == PendingISINLimits(maxMessages: 5, maxAge: .milliseconds(2_500)))
        #expect(try Ratingsd.parse([]).pendingLimits == PendingISINLimits())
    }

    @Test func feedFlagsComeFromTheEnvironmentToo() {
        let overlay = EnvironmentOverlay(optionNames: Ratingsd.environmentOptions, flagNames: Ratingsd.environmentFlags)
        let merged = overlay.arguments([], environment: [
            "RATINGSD_TICKERS": "AAPL", "RATINGSD_CONSENSUS_PER_TICKER": "true", "RATINGSD_FEEDS": "consensus",
        ])
        #expect(merged.contains("--consensus-per-ticker"))
        #expect(merged.contains("--tickers") && merged.contains("--feeds"))
    }
}
