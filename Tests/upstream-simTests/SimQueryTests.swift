import Testing
@testable import upstream_sim

/// Query strings of connection URLs.
struct SimQueryTests {
    @Test func pairsAreSplitAndPercentDecoded() {
        let query = SimQuery("token=a%2Bb&tickers=AAPL,MSFT&fault=drop%3A5&fault=fragment&flag&x=1+2")
        #expect(query["token"] == "a+b")
        #expect(query["tickers"] == "AAPL,MSFT")
        #expect(query.values("fault") == ["drop:5", "fragment"])
        #expect(query["flag"] == "")
        #expect(query["x"] == "1 2")
        #expect(query["missing"] == nil)
    }

    @Test func noQueryAndMalformedEscapesAreHarmless() {
        #expect(SimQuery(nil).items.isEmpty)
        #expect(SimQuery("a=%zz&b=%4")["a"] == "%zz")
        #expect(SimQuery("a=%zz&b=%4")["b"] == "%4")
    }
}
