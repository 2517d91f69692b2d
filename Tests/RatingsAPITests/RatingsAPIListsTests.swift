import Foundation
import HTTPServer
import LiveState
import Testing
@testable import RatingsAPI

/// Assembled lists: pages with `next_cursor` and `Link`, and the consensus batch.
@Suite struct RatingsAPIListsTests {
    let harness = Harness()

    private func ids(_ response: HTTPResponse) -> [String] {
        (response.object?["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }

    @Test func pageJoinsTheStoresItemsAndNamesTheNextCursor() throws {
        let response = harness.send("/ratings?ticker=aapl&limit=2")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(ids(response) == ["aapl-0", "aapl-1"])
        let token = try #require(response.object?["next_cursor"] as? String)
        #expect(PageCursor(token: token)?.id == "aapl-1")
        #expect(response.headers["Link"] == "</ratings?ticker=aapl&limit=2&cursor=\(token)>; rel=\"next\"")
    }

    @Test func followingLinkWalksEveryPageOnceAndTheLastHasNoLink() throws {
        var target: String? = "/ratings?ticker=AAPL&limit=2"
        var seen: [String] = []
        var pages = 0
        while let next = target, pages < 10 {
            let response = harness.send(next)
            #expect(response.status == .ok)
            seen += ids(response)
            pages += 1
            if let link = response.headers["Link"] {
                let start = try #require(link.firstIndex(of: "<"))
                let end = try #require(link.firstIndex(of: ">"))
                target = String(link[link.index(after: start)..<end])
                #expect(response.object?["next_cursor"] is String)
            } else {
                #expect(response.object?["next_cursor"] is NSNull)
                target = nil
            }
        }
        #expect(pages == 3)
        #expect(seen == ["aapl-0", "aapl-1", "aapl-2", "aapl-3", "aapl-4"])
    }

    @Test func linkReplacesTheOldCursorAndReEncodesValues() throws {
        let first = try #require(harness.send("/ratings?limit=1").object?["next_cursor"] as? String)
        let response = harness.send("/ratings?cursor=\(first)&firm=Goldman+Sachs&action=upgrade,downgrade&limit=1")
        let token = try #require(response.object?["next_cursor"] as? String)
        #expect(token != first)
        #expect(response.headers["Link"]
            == "</ratings?firm=Goldman%20Sachs&action=upgrade,downgrade&limit=1&cursor=\(token)>; rel=\"next\"")
    }

    @Test func emptyPageIsAnEmptyArrayWithNullCursor() {
        let response = harness.send("/insights?ticker=ZZZZ")
        #expect(response.status == .ok)
        #expect(response.text == #"{"data":[],"next_cursor":null}"#)
        #expect(response.headers["Link"] == nil)
    }

    @Test func insightsListUsesItsOwnPathInLink() {
        let response = harness.send("/insights?limit=1")
        #expect(ids(response) == ["insight-0"])
        #expect(response.headers["Link"]?.hasPrefix("</insights?limit=1&cursor=") == true)
    }

    @Test func listETagChangesWithTheBody() {
        let one = harness.send("/ratings?limit=1").headers["ETag"]
        let two = harness.send("/ratings?limit=2").headers["ETag"]
        #expect(one != nil && two != nil && one != two)
        #expect(harness.send("/ratings?limit=1").headers["ETag"] == one)
    }

    @Test func consensusBatchKeepsRequestOrderAndListsMissing() {
        let response = harness.send("/consensus?tickers=msft,ZZZZ,AAPL,tsla,MSFT,brk%2Fb")
        #expect(response.status == .ok)
        let tickers = (response.object?["data"] as? [[String: Any]])?.compactMap { $0["ticker"] as? String }
        #expect(tickers == ["MSFT", "AAPL", "BRK/B"])
        #expect(response.object?["missing"] as? [String] == ["ZZZZ", "TSLA"])
        #expect(response.headers["ETag"]?.count == 18)
    }

    @Test func consensusBatchNeedsTickers() {
        expectProblem(harness.send("/consensus"), status: 400, slug: "invalid-parameter", parameter: "tickers")
        expectProblem(harness.send("/consensus?ticker=AAPL"), status: 400, slug: "invalid-parameter", parameter: "ticker")
        expectProblem(harness.send("/consensus?tickers="), status: 400, slug: "invalid-ticker", parameter: "tickers")
        expectProblem(harness.send("/consensus?tickers=AAPL,A%24"), status: 400, slug: "invalid-ticker", parameter: "tickers")
    }

    @Test func consensusBatchTakesAtMostTheConfiguredCount() {
        let hundred = (0..<100).map { "T\($0)" }.joined(separator: ",")
        #expect(harness.send("/consensus?tickers=\(hundred)").status == .ok)
        expectProblem(harness.send("/consensus?tickers=\(hundred),X"), status: 400, slug: "invalid-parameter", parameter: "tickers")
        let small = Harness(configuration: APIConfiguration(maxTickersPerRequest: 2))
        expectProblem(small.send("/consensus?tickers=A,B,C"), status: 400, slug: "invalid-parameter", parameter: "tickers")
        #expect(small.send("/consensus?tickers=A,B,A").status == .ok)
    }
}
