import Feeds
import Testing

@Suite struct ISINTests {
    @Test func acceptsRealISINsInAnyCase() {
        #expect(ISIN.normalized("US0378331005") == "US0378331005")
        #expect(ISIN.normalized("us02079k3059") == "US02079K3059")
        #expect(ISIN.normalized("GB0002634946") == "GB0002634946")
    }

    @Test func refusesAWrongCheckDigitOrShape() {
        for bad in ["US0378331006", "US037833100", "0S0378331005", "US03783310O5", ""] {
            #expect(ISIN.normalized(bad) == nil, "\(bad)")
        }
    }
}
