import Feeds
import LiveState
import Testing

/// Resolving options and the environment into connections.
@Suite struct FeedSettingsTests {
    @Test func sharedTokenEnablesEveryFeed() throws {
        let configurations = try FeedSettings().configurations(environment: ["BENZINGA_TOKEN": "shared"])
        #expect(configurations.map(\.source) == [.ratings, .consensus, .insights])
        #expect(configurations.allSatisfy { $0.enabled && $0.token == "shared" })
    }

    @Test func perFeedTokensWinOverTheSharedOne() throws {
        let environment = ["BENZINGA_TOKEN": "shared", "BENZINGA_CONSENSUS_TOKEN": "mine", "BENZINGA_INSIGHTS_TOKEN": "  "]
        let tokens = try FeedSettings().configurations(environment: environment).map(\.token)
        #expect(tokens == ["shared", "mine", "shared"])
    }

    @Test func aFeedWithoutAnyTokenIsDisabled() throws {
        let configurations = try FeedSettings().configurations(environment: ["BENZINGA_RATINGS_TOKEN": " r \n"])
        #expect(configurations.map(\.enabled) == [true, false, false])
        #expect(configurations[0].token == "r")
        #expect(configurations[1].token == nil)
        #expect(try FeedSettings().configurations(environment: [:]).allSatisfy { !$0.enabled })
    }

    @Test func disabledSourcesStayOffEvenWithAToken() throws {
        let settings = FeedSettings(disabledSources: [.insights])
        #expect(try settings.configurations(environment: ["BENZINGA_TOKEN": "t"]).map(\.enabled) == [true, true, false])
    }

    @Test func urlsFiltersAndConsensusOptionsAreApplied() throws {
        let settings = FeedSettings(
            ratingsURL: "ws://127.0.0.1:1/r", consensusURL: "ws://127.0.0.1:1/c", insightsURL: "ws://127.0.0.1:1/i",
            tickers: [" aapl", "MSFT", "AAPL", ""], isins: ["us0378331005"], consensusSimplify: true, consensusAggregateType: .number)
        let configurations = try settings.configurations(environment: ["BENZINGA_TOKEN": "t"])
        #expect(configurations.map(\.url) == ["ws://127.0.0.1:1/r", "ws://127.0.0.1:1/c", "ws://127.0.0.1:1/i"])
        #expect(configurations.allSatisfy { $0.tickers == ["AAPL", "MSFT"] && $0.isins == ["US0378331005"] })
        #expect(configurations[1].simplify == true && configurations[1].aggregateType == .number)
        #expect(configurations[0].simplify == nil && configurations[2].aggregateType == nil)
    }

    @Test func consensusPerTickerOpensOneConnectionNamingEachTicker() throws {
        let settings = FeedSettings(tickers: ["AAPL", "MSFT", "NVDA"], consensusPerTicker: true)
        let configurations = try settings.configurations(environment: ["BENZINGA_TOKEN": "t"])
        #expect(configurations.map(\.name) == ["ratings", "consensus[AAPL]", "consensus[MSFT]", "consensus[NVDA]", "insights"])
        let consensus = configurations.filter { $0.source == .consensus }
        #expect(consensus.map(\.subscription) == [FeedSubscription(tickers: ["AAPL"]), FeedSubscription(tickers: ["MSFT"]), FeedSubscription(tickers: ["NVDA"])])
        #expect(try consensus[1].connectionURL().query == "token=t&tickers=MSFT")
        #expect(configurations[0].tickers == ["AAPL", "MSFT", "NVDA"])
    }

    @Test func consensusPerTickerWithoutTickersIsRefused() {
        #expect(throws: FeedSettingsError.perTickerWithoutTickers) {
            try FeedSettings(consensusPerTicker: true).configurations(environment: ["BENZINGA_TOKEN": "t"])
        }
    }

    @Test func anUnusableURLIsRefusedWithoutEchoingIt() {
        do {
            _ = try FeedSettings(insightsURL: "https://h/p?token=LEAK").configurations(environment: [:])
            Issue.record("accepted an https URL")
        } catch {
            #expect(error.description.hasPrefix("--insights-url: "))
            #expect(!error.description.contains("LEAK"))
        }
    }
}
