import Testing
@testable import RatingsAPI

/// Ticker parameters: LiveState's grammar, failing with a 400 that names the parameter.
@Suite struct TickerParameterTests {
    let symbols = TickerParameter(maxLength: 16)

    @Test(arguments: [("AAPL", "AAPL"), ("brk.b", "BRK.B"), ("Brk/B", "BRK/B"), ("rds-a", "RDS-A"), ("1", "1"),
                      ("ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOP")])
    func validSymbolsAreUpperCased(input: String, expected: String) throws {
        #expect(try symbols.normalize(input, parameter: "ticker") == expected)
    }

    @Test(arguments: ["", "ABCDEFGHIJKLMNOPQ", "AA PL", "AAPL!", "ÄPFEL", "A\u{0}", "A_B", "A,B", "A\"B"])
    func invalidSymbolsAreRefusedNamingTheParameter(input: String) {
        #expect(throws: APIProblem.self) { try symbols.normalize(input, parameter: "ticker") }
        do {
            _ = try symbols.normalize(input, parameter: "tickers")
        } catch {
            #expect(error.type == .invalidTicker)
            #expect(error.parameter == "tickers")
        }
    }

    @Test func listsDropDuplicatesAndKeepOrder() throws {
        #expect(try symbols.normalizeList("msft,AAPL,Msft,aapl,TSLA", parameter: "tickers", maxCount: 3) == ["MSFT", "AAPL", "TSLA"])
    }

    @Test func listsLongerThanTheLimitAreRefused() {
        #expect(throws: APIProblem.self) { try symbols.normalizeList("A,B,C,D", parameter: "tickers", maxCount: 3) }
    }

    @Test func shorterConfiguredLimitApplies() {
        #expect(throws: APIProblem.self) { try TickerParameter(maxLength: 4).normalize("GOOGL", parameter: "ticker") }
    }
}
