import Foundation
import Testing
import LiveState

/// Rendered documents: shapes byte for byte, and versions that change exactly with them.
@Suite struct StoreDocumentTests {
    typealias F = TestFixtures

    @Test func rendersTheTickerDocumentByteForByte() {
        let store = Store()
        let consensusAt = Timestamp(rfc3339: "2024-10-04T19:21:06.120Z")!
        let ratingAt = Timestamp(rfc3339: "2024-10-04T19:22:00Z")!
        F.apply(store, .consensus(F.consensus()), at: consensusAt)
        F.apply(store, .rating(.created, RatingTests.shapesExample()), at: ratingAt)
        let consensusJSON = F.text(F.consensus().renderedJSON(receivedAt: consensusAt))
        let ratingJSON = F.text(RatingTests.shapesExample().renderedJSON())
        let expected = #"{"ticker":"AAPL","name":"Apple","exchange":"NASDAQ","isin":null,"updated_at":"2024-10-04T19:22:00Z","#
            + #""consensus":"# + consensusJSON + #","ratings":["# + ratingJSON + #"],"insights":[],"#
            + #""ratings_count":1,"insights_count":0}"#
        let document = store.tickerDocument(ticker: "AAPL")
        #expect(document.map { F.text($0.json) } == expected)
        #expect(document?.version == 2)
        #expect(store.consensusDocument(ticker: "AAPL").map { F.text($0.json) } == consensusJSON)
    }

    @Test func embedsAtMostTheLatestItemsNewestFirst() throws {
        let store = Store(limits: StoreLimits(latestInTickerDocument: 3))
        for index in 0..<6 {
            F.apply(store, .rating(.created, F.rating("r\(index)", date: "2024-10-1\(index)")))
            F.apply(store, .insight(.created, F.insight("i\(index)", date: "2024-10-1\(index)")))
        }
        let object = try #require(F.object(store.tickerDocument(ticker: "AAPL")!.json))
        let ratings = try #require(object["ratings"] as? [[String: Any]])
        let insights = try #require(object["insights"] as? [[String: Any]])
        #expect(ratings.compactMap { $0["id"] as? String } == ["r5", "r4", "r3"])
        #expect(insights.compactMap { $0["id"] as? String } == ["i5", "i4", "i3"])
        #expect(object["ratings_count"] as? Int == 6)
        #expect(object["insights_count"] as? Int == 6)
        #expect(object["consensus"] is NSNull)
    }

    @Test func rendersTheTickerListSortedWithCounts() {
        let store = Store()
        let at = Timestamp(rfc3339: "2024-10-04T19:21:06Z")!
        F.apply(store, .rating(.created, F.rating("r1", ticker: "MSFT")), at: at)
        F.apply(store, .consensus(F.consensus("AAPL")), at: at)
        F.apply(store, .insight(.created, F.insight("i1", ticker: "AAPL")), at: at)
        let expected = #"{"data":["#
            + #"{"ticker":"AAPL","name":null,"exchange":null,"isin":null,"updated_at":"2024-10-04T19:21:06Z","#
            + #""ratings_count":0,"insights_count":1,"has_consensus":true},"#
            + #"{"ticker":"MSFT","name":null,"exchange":null,"isin":null,"updated_at":"2024-10-04T19:21:06Z","#
            + #""ratings_count":1,"insights_count":0,"has_consensus":false}]}"#
        #expect(F.text(store.tickersDocument().json) == expected)
        #expect(store.tickersDocument().version == 3)
    }

    @Test func rendersAnEmptyTickerList() {
        let document = Store().tickersDocument()
        #expect(F.text(document.json) == #"{"data":[]}"#)
        #expect(document.version == 0)
    }

    @Test func keepsTickerMetadataFromTheRecordsSeen() throws {
        let store = Store()
        var first = F.rating("r1")
        first.name = "Apple"
        first.exchange = "NASDAQ"
        F.apply(store, .rating(.created, first))
        var second = F.rating("r2")
        second.isin = "US0378331005"
        F.apply(store, .rating(.created, second))
        let object = try #require(F.object(store.tickerDocument(ticker: "AAPL")!.json))
        #expect(object["name"] as? String == "Apple")
        #expect(object["exchange"] as? String == "NASDAQ")
        #expect(object["isin"] as? String == "US0378331005")
    }

    @Test func versionsChangeOnlyForTheDocumentsAChangeTouches() {
        let store = Store()
        F.apply(store, .consensus(F.consensus("AAPL")))
        F.apply(store, .rating(.created, F.rating("r1", ticker: "AAPL")))
        F.apply(store, .rating(.created, F.rating("m1", ticker: "MSFT")))
        let consensus = store.consensusDocument(ticker: "AAPL")?.version
        let apple = store.tickerDocument(ticker: "AAPL")?.version
        let microsoft = store.tickerDocument(ticker: "MSFT")?.version
        #expect([consensus, apple, microsoft] == [1, 2, 3])

        F.apply(store, .rating(.created, F.rating("m2", ticker: "MSFT")))
        #expect(store.consensusDocument(ticker: "AAPL")?.version == 1)
        #expect(store.tickerDocument(ticker: "AAPL")?.version == 2)
        #expect(store.tickerDocument(ticker: "MSFT")?.version == 4)
        #expect(store.ratingDocument(id: "r1")?.version == 2)

        F.apply(store, .consensus(F.consensus("AAPL", updated: 2_000_000_000)))
        #expect(store.consensusDocument(ticker: "AAPL")?.version == 5)
        #expect(store.tickerDocument(ticker: "AAPL")?.version == 5)
    }

    @Test func versionsStayWhenNothingWasApplied() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1")))
        let list = store.tickersDocument()
        F.apply(store, .rating(.created, F.rating("r1")))
        F.apply(store, .rating(.created, F.rating("r1", updated: 1)))
        F.apply(store, .ratingDeleted(id: "zz", updated: nil, timestamp: nil))
        #expect(store.tickerDocument(ticker: "AAPL")?.version == 1)
        #expect(store.tickersDocument().version == list.version)
        #expect(store.tickersDocument().json == list.json)
    }

    @Test func tickerListKeepsItsVersionWhenItsBytesDoNotChange() {
        let store = Store()
        let at = Timestamp(millisecondsSinceEpoch: 1_000)
        F.apply(store, .rating(.created, F.rating("r1")), at: at)
        let before = store.tickersDocument()
        // A correction of the same rating at the same instant changes the rating, not the list.
        F.apply(store, .rating(.updated, F.rating("r1", priceTarget: 5)), at: at)
        let after = store.tickersDocument()
        #expect(after.version == before.version)
        #expect(store.ratingDocument(id: "r1")?.version == 2)
    }

    @Test func evictionChangesTheVersionOfTheTickerThatLostARecord() {
        let store = Store(limits: StoreLimits(ratingsOverall: 2))
        F.apply(store, .rating(.created, F.rating("a1", ticker: "AAPL", date: "2024-10-01")))
        F.apply(store, .rating(.created, F.rating("a2", ticker: "AAPL", date: "2024-10-02")))
        let before = store.tickerDocument(ticker: "AAPL")!.version
        F.apply(store, .rating(.created, F.rating("m1", ticker: "MSFT", date: "2024-10-03")))
        let after = store.tickerDocument(ticker: "AAPL")!
        #expect(after.version == 3)
        #expect(after.version != before)
        #expect(F.object(after.json)?["ratings_count"] as? Int == 1)
    }

    @Test func aTickerDocumentReadAfterSeveralChangesShowsThemAllUnderTheLastOnesVersion() throws {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1", date: "2024-10-01")))
        F.apply(store, .rating(.created, F.rating("r2", date: "2024-10-02")))
        F.apply(store, .rating(.created, F.rating("r3", date: "2024-10-03")))
        let first = try #require(store.tickerDocument(ticker: "AAPL"))
        #expect(first.version == 3)
        let ratings = try #require(F.object(first.json)?["ratings"] as? [[String: Any]])
        #expect(ratings.map { $0["id"] as? String } == ["r3", "r2", "r1"])
        // Read again with no change in between: the very same rendering.
        let second = try #require(store.tickerDocument(ticker: "AAPL"))
        #expect(second.version == first.version)
        #expect(second.json == first.json)
        F.apply(store, .ratingDeleted(id: "r2", updated: nil, timestamp: nil))
        let afterDelete = try #require(store.tickerDocument(ticker: "AAPL"))
        #expect(afterDelete.version == 4)
        #expect(F.object(afterDelete.json)?["ratings_count"] as? Int == 2)
    }

    @Test func etagIsTheQuotedHexadecimalVersion() {
        #expect(Document(json: [], version: 0x1a2b).etag == "\"1a2b\"")
    }
}
