import LiveState
import Testing

/// The one ticker grammar: 1 to 16 of `A-Z 0-9 . - /`, any letter case in, upper case out.
@Suite struct TickerSymbolTests {
    @Test(arguments: [("AAPL", "AAPL"), ("aapl", "AAPL"), ("brk.b", "BRK.B"), ("BRK.B", "BRK.B"), ("Brk/B", "BRK/B"),
                      ("RDS/A", "RDS/A"), ("rds-a", "RDS-A"), ("BF-B", "BF-B"), ("1", "1"),
                      ("ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOP")])
    func validSymbolsAreUpperCased(input: String, expected: String) {
        #expect(TickerSymbol.normalized(input) == expected)
    }

    @Test(arguments: ["", "ABCDEFGHIJKLMNOPQ", "AA PL", "AAPL\n", "AAPL!", "ÅAPL", "ÄPFEL", "A_B", "A;B", "A,B", "A\"B", "A\u{0}"])
    func anythingElseIsRefused(input: String) {
        #expect(TickerSymbol.normalized(input) == nil)
    }

    @Test func aConfiguredMaximumLengthApplies() {
        #expect(TickerSymbol.normalized("GOOGL", maxLength: 4) == nil)
        #expect(TickerSymbol.normalized("goog", maxLength: 4) == "GOOG")
        #expect(TickerSymbol.normalized("ABCDEFGHIJKLMNOPQRST", maxLength: 20) == "ABCDEFGHIJKLMNOPQRST")
    }
}
