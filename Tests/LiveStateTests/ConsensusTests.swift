import Testing
import LiveState

@Suite struct ConsensusTests {
    @Test func rendersTheShapesDocumentByteForByte() {
        var consensus = Consensus(ticker: "AAPL", aggregateRatings: AggregateRatings(strongBuy: 15, buy: 25, hold: 8, sell: 2, strongSell: 0))
        consensus.consensusRating = "BUY"
        consensus.consensusRatingValue = 4.2
        consensus.consensusPriceTarget = 195.5
        consensus.highPriceTarget = 225
        consensus.lowPriceTarget = 160
        consensus.aggregateType = "number"
        consensus.totalAnalystCount = 50
        consensus.uniqueAnalystCount = 48
        consensus.updatedAt = Timestamp(rfc3339: "2024-10-04T19:21:06Z")
        let receivedAt = Timestamp(rfc3339: "2024-10-04T19:21:06.120Z")!
        let expected = #"{"ticker":"AAPL","isin":null,"#
            + #""consensus_rating":"BUY","consensus_rating_normalized":"buy","consensus_rating_val":4.2,"#
            + #""consensus_price_target":195.5,"high_price_target":225.0,"low_price_target":160.0,"#
            + #""aggregate_type":"number","#
            + #""aggregate_ratings":{"strong_buy":15,"buy":25,"hold":8,"sell":2,"strong_sell":0},"#
            + #""total_analyst_count":50,"unique_analyst_count":48,"#
            + #""updated_at":"2024-10-04T19:21:06Z","received_at":"2024-10-04T19:21:06.120Z"}"#
        #expect(String(decoding: consensus.renderedJSON(receivedAt: receivedAt), as: UTF8.self) == expected)
    }

    @Test func keepsFractionalPercentagesAndNullsAbsentBuckets() {
        let consensus = Consensus(ticker: "MSFT", aggregateRatings: AggregateRatings(strongBuy: 12.5, buy: nil))
        let json = String(decoding: consensus.renderedJSON(receivedAt: Timestamp(millisecondsSinceEpoch: 0)), as: UTF8.self)
        #expect(json.contains(#""aggregate_ratings":{"strong_buy":12.5,"buy":null,"hold":null,"sell":null,"strong_sell":null}"#))
        #expect(json.contains(#""consensus_rating_normalized":null"#))
    }

    @Test func normalisesConsensusLabelsInAnyCasing() {
        for label in ["strong-sell", "STRONG_SELL", "strong_sell"] {
            var consensus = Consensus(ticker: "X")
            consensus.consensusRating = label
            let json = String(decoding: consensus.renderedJSON(receivedAt: Timestamp(millisecondsSinceEpoch: 0)), as: UTF8.self)
            #expect(json.contains(#""consensus_rating_normalized":"strong_sell""#))
        }
    }
}
