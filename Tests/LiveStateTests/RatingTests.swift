import Foundation
import Testing
import LiveState

@Suite struct RatingTests {
    static func shapesExample() -> Rating {
        var rating = Rating(id: "66fffdc08f3f630001a2ea51", ticker: "AAPL")
        rating.name = "Apple"
        rating.exchange = "NASDAQ"
        rating.currency = "USD"
        rating.date = "2024-10-04"
        rating.time = "10:37:52"
        rating.actionCompany = "Upgrades"
        rating.actionPriceTarget = "Raises"
        rating.ratingCurrent = "Buy"
        rating.ratingPrior = "Neutral"
        rating.priceTargetCurrent = 200
        rating.priceTargetPrior = 180
        rating.firm = "Goldman Sachs"
        rating.firmID = "57f832ab6b87f600016fa383"
        rating.importance = 4
        rating.updated = Timestamp(millisecondsSinceEpoch: 1_728_069_666_000)
        rating.timestamp = Timestamp(millisecondsSinceEpoch: 1_728_069_666_000)
        return rating
    }

    @Test func rendersTheShapesDocumentByteForByte() {
        let expected = #"{"id":"66fffdc08f3f630001a2ea51","ticker":"AAPL","name":"Apple","exchange":"NASDAQ","#
            + #""isin":null,"cusip":null,"currency":"USD","date":"2024-10-04","time":"10:37:52","#
            + #""action_company":"Upgrades","action":"upgrade","action_pt":"Raises","price_target_action":"raise","#
            + #""rating_current":"Buy","rating_current_normalized":"buy","rating_prior":"Neutral","rating_prior_normalized":"hold","#
            + #""pt_current":200.0,"pt_prior":180.0,"adjusted_pt_current":null,"adjusted_pt_prior":null,"pt_change_pct":11.11,"#
            + #""firm":"Goldman Sachs","firm_id":"57f832ab6b87f600016fa383","analyst_name":null,"analyst_id":null,"#
            + #""importance":4,"notes":null,"url":null,"url_calendar":null,"url_news":null,"#
            + #""updated_at":"2024-10-04T19:21:06Z","timestamp":"2024-10-04T19:21:06Z"}"#
        #expect(String(decoding: Self.shapesExample().renderedJSON(), as: UTF8.self) == expected)
    }

    @Test func rendersEveryKeyAsNullForAnEmptyRating() throws {
        let json = Rating(id: "x", ticker: "T").renderedJSON()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(object.count == 33)
        #expect(object["action"] is NSNull)
        #expect(object["pt_change_pct"] is NSNull)
        #expect(object["updated_at"] is NSNull)
    }

    @Test func computesPriceTargetChangeRoundedToTwoDecimals() {
        var rating = Rating(id: "x", ticker: "T")
        rating.priceTargetCurrent = 200
        rating.priceTargetPrior = 180
        #expect(rating.priceTargetChangePercent == 11.11)
        rating.priceTargetCurrent = 150
        rating.priceTargetPrior = 200
        #expect(rating.priceTargetChangePercent == -25)
        rating.priceTargetCurrent = 1
        rating.priceTargetPrior = 3
        #expect(rating.priceTargetChangePercent == -66.67)
    }

    @Test func hasNoPriceTargetChangeWithoutBothTargetsOrFromZero() {
        var rating = Rating(id: "x", ticker: "T")
        rating.priceTargetCurrent = 200
        #expect(rating.priceTargetChangePercent == nil)
        rating.priceTargetPrior = 0
        #expect(rating.priceTargetChangePercent == nil)
        rating.priceTargetCurrent = nil
        rating.priceTargetPrior = 100
        #expect(rating.priceTargetChangePercent == nil)
    }

    @Test func escapesHostileTextInEveryStringField() throws {
        var rating = Self.shapesExample()
        rating.notes = "line1\nline2 \"quoted\" \\ \u{0}"
        rating.name = "</script><script>"
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rating.renderedJSON())) as? [String: Any])
        #expect(object["notes"] as? String == rating.notes)
        #expect(object["name"] as? String == rating.name)
    }
}
