import Feeds
import Testing

@Suite struct TickerSymbolTests {
    @Test func upperCasesValidTickers() {
        #expect(TickerSymbol.normalized("aapl") == "AAPL")
        #expect(TickerSymbol.normalized("BRK.B") == "BRK.B")
        #expect(TickerSymbol.normalized("BF-B") == "BF-B")
        #expect(TickerSymbol.normalized("RDS/A") == "RDS/A")
        #expect(TickerSymbol.normalized("ABCDEFGHIJKLMNOP") == "ABCDEFGHIJKLMNOP")
    }

    @Test func refusesAnythingElse() {
        for bad in ["", "ABCDEFGHIJKLMNOPQ", "AA PL", "AAPL\n", "ÅAPL", "A_B", "A;B", "A\u{0}"] {
            #expect(TickerSymbol.normalized(bad) == nil, "\(bad)")
        }
    }
}
