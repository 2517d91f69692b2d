import Testing
import LiveState

@Suite struct RatingScaleTests {
    @Test(arguments: ["Strong Buy", "Top Pick", "Conviction Buy", "STRONG_BUY", "strong-buy", "StrongBuy"])
    func mapsStrongBuyWords(text: String) {
        #expect(RatingScale(normalizing: text) == .strongBuy)
    }

    @Test(arguments: ["Buy", "BUY", "Outperform", "Overweight", "Accumulate", "Positive",
                      "Sector Outperform", "Market Outperform", "Add"])
    func mapsBuyWords(text: String) {
        #expect(RatingScale(normalizing: text) == .buy)
    }

    @Test(arguments: ["Hold", "Neutral", "Market Perform", "Equal-Weight", "Equal Weight", "Sector Perform",
                      "Sector Weight", "Peer Perform", "In-Line", "Perform"])
    func mapsHoldWords(text: String) {
        #expect(RatingScale(normalizing: text) == .hold)
    }

    @Test(arguments: ["Sell", "Underperform", "Underweight", "Reduce", "Negative",
                      "Sector Underperform", "Market Underperform"])
    func mapsSellWords(text: String) {
        #expect(RatingScale(normalizing: text) == .sell)
    }

    @Test(arguments: ["Strong Sell", "strong_sell", "strong-sell", "STRONG_SELL", "STRONG-SELL"])
    func mapsStrongSellWordsAndConsensusLabels(text: String) {
        #expect(RatingScale(normalizing: text) == .strongSell)
    }

    @Test(arguments: ["", "Speculative", "Not Rated", "Buyer", "Strong", "Sell Side", "Outperformer"])
    func leavesUnknownWordsWithoutANormalisedForm(text: String) {
        #expect(RatingScale(normalizing: text) == nil)
    }

    @Test func hasNoFormForAbsentText() {
        #expect(RatingScale(normalizing: nil) == nil)
    }

    @Test func exposesEveryNormalisedName() {
        #expect(RatingScale.allNames == ["strong_buy", "buy", "hold", "sell", "strong_sell"])
    }
}
