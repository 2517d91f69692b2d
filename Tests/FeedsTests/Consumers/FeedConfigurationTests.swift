@testable import Feeds
import LiveState
import Testing
import WebSocket

/// Connection URLs: defaults, the query with its encoding, and the redacted form.
@Suite struct FeedConfigurationTests {
    @Test func defaultsAreBenzingasProductionURLs() {
        #expect(FeedConfiguration(source: .ratings).url == "wss://api.benzinga.com/api/v2.1/calendar/ratings/stream")
        #expect(FeedConfiguration(source: .consensus).url == "wss://api.benzinga.com/api/v1/consensus-ratings/stream")
        #expect(FeedConfiguration(source: .insights).url == "wss://api.benzinga.com/api/v1/analyst/insights/stream")
    }

    @Test func connectionURLCarriesTokenAndFiltersInOrder() throws {
        let configuration = FeedConfiguration(source: .ratings, token: "abc123", tickers: ["AAPL", "BRK.B"], isins: ["US0378331005"])
        let url = try configuration.connectionURL()
        #expect(url.isSecure && url.host == "api.benzinga.com" && url.port == 443)
        #expect(url.requestTarget == "/api/v2.1/calendar/ratings/stream?token=abc123&tickers=AAPL,BRK.B&isins=US0378331005")
    }

    @Test func queryValuesArePercentEncodedAndCommasInsideItemsCannotSplitThem() throws {
        let configuration = FeedConfiguration(source: .insights, url: "ws://127.0.0.1:9000/s", token: "a b&c=d+/é", tickers: ["X,Y"])
        #expect(try configuration.connectionURL().requestTarget == "/s?token=a%20b%26c%3Dd%2B%2F%C3%A9&tickers=X%2CY")
    }

    @Test func consensusAddsSimplifyAndAggregateTypeOthersNever() throws {
        let consensus = FeedConfiguration(source: .consensus, token: "t", simplify: true, aggregateType: .percentage)
        #expect(try consensus.connectionURL().query == "token=t&simplify=true&aggregate_type=percentage")
        let ratings = FeedConfiguration(source: .ratings, token: "t", simplify: true, aggregateType: .percentage)
        #expect(try ratings.connectionURL().query == "token=t")
    }

    @Test func anExistingQueryOnTheBaseURLIsKept() throws {
        let configuration = FeedConfiguration(source: .ratings, url: "ws://localhost:8080/ratings?fault=drop", token: "t")
        #expect(try configuration.connectionURL().requestTarget == "/ratings?fault=drop&token=t")
        #expect(try configuration.connectionURL().hostHeader == "localhost:8080")
    }

    @Test func noTokenAndNoFiltersMeansNoQuery() throws {
        #expect(try FeedConfiguration(source: .ratings, url: "ws://h/p").connectionURL().query == nil)
    }

    @Test func redactedURLIsSchemeHostPathWithoutTheQuery() {
        let configuration = FeedConfiguration(source: .ratings, url: "wss://api.benzinga.com/x/stream?token=LEAK", token: "SECRET")
        #expect(configuration.redactedURL == "wss://api.benzinga.com/x/stream")
        #expect(FeedConfiguration(source: .ratings, url: "ws://127.0.0.1:9001/r").redactedURL == "ws://127.0.0.1:9001/r")
        #expect(FeedConfiguration(source: .ratings, url: "http://x?token=LEAK").redactedURL == "(invalid URL)")
    }

    @Test func subscriptionUppercasesTickersAndNamesAOneTickerConsensusConnection() throws {
        let configuration = FeedConfiguration(source: .consensus, tickers: ["aapl"], isins: ["US0378331005"])
        #expect(configuration.subscription == FeedSubscription(tickers: ["AAPL"], isins: ["US0378331005"]))
        #expect(try configuration.connectionURL().query == "tickers=AAPL&isins=US0378331005")
        #expect(FeedConfiguration(source: .consensus, tickers: ["AAPL"]).name == "consensus[AAPL]")
        #expect(FeedConfiguration(source: .consensus, tickers: ["AAPL", "MSFT"]).name == "consensus")
        #expect(FeedConfiguration(source: .ratings, tickers: ["AAPL"]).name == "ratings")
    }
}
