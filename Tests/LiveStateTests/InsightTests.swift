import Testing
import LiveState

@Suite struct InsightTests {
    @Test func rendersTheShapesDocumentByteForByte() {
        var insight = Insight(id: "insight-id", ticker: "AAPL")
        insight.name = "Apple Inc."
        insight.exchange = "NASDAQ"
        insight.date = "2024-10-08"
        insight.action = "Upgrades"
        insight.rating = "Buy"
        insight.priceTarget = 150
        insight.firm = "Goldman Sachs"
        insight.analystInsights = "The analyst has upgraded the stock..."
        insight.updated = Timestamp(rfc3339: "2024-10-08T10:00:00Z")
        insight.timestamp = Timestamp(rfc3339: "2024-10-08T10:00:00Z")
        let expected = #"{"id":"insight-id","ticker":"AAPL","name":"Apple Inc.","exchange":"NASDAQ","isin":null,"cik":null,"#
            + #""date":"2024-10-08","action_company":"Upgrades","action":"upgrade","#
            + #""rating":"Buy","rating_normalized":"buy","pt":150.0,"#
            + #""firm":"Goldman Sachs","firm_id":null,"rating_id":null,"#
            + #""analyst_insights":"The analyst has upgraded the stock...","#
            + #""updated_at":"2024-10-08T10:00:00Z","timestamp":"2024-10-08T10:00:00Z"}"#
        #expect(String(decoding: insight.renderedJSON(), as: UTF8.self) == expected)
    }

    @Test func rendersAnEmptyInsightWithNulls() {
        let json = String(decoding: Insight(id: "i", ticker: "T").renderedJSON(), as: UTF8.self)
        #expect(json.hasPrefix(#"{"id":"i","ticker":"T","name":null,"#))
        #expect(json.hasSuffix(#""analyst_insights":null,"updated_at":null,"timestamp":null}"#))
    }
}
