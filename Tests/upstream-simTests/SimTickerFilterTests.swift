import Testing
@testable import upstream_sim

/// The `tickers` parameter and the ticker each kind of message carries.
struct SimTickerFilterTests {
    @Test func noParameterAdmitsEverythingEvenMessagesWithoutATicker() {
        let filter = SimTickerFilter(nil)
        #expect(filter.admits("AAPL"))
        #expect(filter.admits(nil))
        #expect(SimTickerFilter(" , ").admits(nil))
    }

    @Test func aListAdmitsOnlyItsTickersIgnoringCaseAndSpaces() {
        let filter = SimTickerFilter("aapl, msft")
        #expect(filter.tickers == ["AAPL", "MSFT"])
        #expect(filter.admits("AAPL"))
        #expect(filter.admits("MSFT"))
        #expect(!filter.admits("TSLA"))
        #expect(!filter.admits(nil))
    }

    @Test func ratingsAreMatchedByContentTicker() {
        let line = #"{"id":"e","data":{"id":"1","content":{"ticker":"brk.b","isin":"US0846707026"}}}"#
        #expect(SimTickerFilter.ticker(of: Array(line.utf8), feed: .ratings) == "BRK.B")
    }

    @Test func insightsAreMatchedBySecuritySymbol() {
        let line = #"{"id":"e","data":{"content":{"security":{"symbol":"PYPL"}}}}"#
        #expect(SimTickerFilter.ticker(of: Array(line.utf8), feed: .insights) == "PYPL")
        #expect(SimTickerFilter.ticker(of: Array(line.utf8), feed: .ratings) == nil)
    }

    @Test func consensusIsMatchedByTickerSymbolOrSecuritySymbol() {
        let byTicker = #"{"data":{"ticker":"TSLA","symbol":"X"}}"#
        let bySymbol = #"{"data":{"symbol":"PLTR"}}"#
        let bySecurity = #"{"data":{"security":{"symbol":"QCOM"}}}"#
        let byNothing = #"{"data":{"isin":"US0378331005"}}"#
        #expect(SimTickerFilter.ticker(of: Array(byTicker.utf8), feed: .consensus) == "TSLA")
        #expect(SimTickerFilter.ticker(of: Array(bySymbol.utf8), feed: .consensus) == "PLTR")
        #expect(SimTickerFilter.ticker(of: Array(bySecurity.utf8), feed: .consensus) == "QCOM")
        #expect(SimTickerFilter.ticker(of: Array(byNothing.utf8), feed: .consensus) == nil)
    }

    @Test func consensusNamingOnlyAnISINIsMatchedThroughTheRatingsFixture() {
        let ratings = #"""
            {"data":{"content":{"ticker":"meta","isin":"us30303m1027"}}}
            {"data":{"content":{"ticker":"PLTR"}}}
            not json
            """#
        let map = SimTickerFilter.isinTickers(fromRatings: Array(ratings.utf8))
        #expect(map == ["US30303M1027": "META"])
        let consensus = #"{"data":{"isin":"US30303M1027"}}"#
        #expect(SimTickerFilter.ticker(of: Array(consensus.utf8), feed: .consensus, isinTickers: map) == "META")
        #expect(SimTickerFilter.ticker(of: Array(consensus.utf8), feed: .consensus) == nil)
    }

    @Test func malformedOrEmptyTickersGiveNone() {
        #expect(SimTickerFilter.ticker(of: Array("not json".utf8), feed: .ratings) == nil)
        #expect(SimTickerFilter.ticker(of: Array(#"{"data":{"content":{"ticker":"  "}}}"#.utf8), feed: .ratings) == nil)
        #expect(SimTickerFilter.ticker(of: Array(#"{"data":{"content":{"ticker":5}}}"#.utf8), feed: .ratings) == nil)
    }
}
