import HTTPServer
import LiveState
import Testing
@testable import RatingsAPI

/// Routing, single documents, methods and the service endpoints.
@Suite struct RatingsAPITests {
    let harness = Harness()

    @Test func consensusIsTheStoresOwnBytesWithItsVersionAsETag() {
        let response = harness.send("/consensus/AAPL")
        #expect(response.status == .ok)
        #expect(response.body == Array(Fixtures.consensusJSON("AAPL").utf8))
        #expect(response.headers["ETag"] == "\"1a2b\"")
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["Cache-Control"] == "no-cache")
        #expect(response.object?["ticker"] as? String == "AAPL")
    }

    @Test func tickersAreCaseInsensitiveAndLookedUpUpperCased() {
        let response = harness.send("/consensus/aApL")
        #expect(response.status == .ok)
        #expect(response.object?["ticker"] as? String == "AAPL")
        #expect(harness.store.lookups.withLock { $0 } == ["AAPL"])
    }

    @Test func percentEncodedSlashStaysInsideTheTickerSegment() {
        #expect(harness.send("/consensus/brk%2fb").object?["ticker"] as? String == "BRK/B")
        #expect(harness.send("/tickers/BRK%2FB").status == .ok)
        #expect(harness.send("/consensus/BRK/B").status == .notFound)
    }

    @Test(arguments: ["/consensus/AA$L", "/consensus/ABCDEFGHIJKLMNOPQ", "/consensus/%20", "/consensus/A%C3%84",
                      "/tickers/A_B", "/consensus/AAPL%00"])
    func malformedTickerIs400NamingTicker(target: String) {
        expectProblem(harness.send(target), status: 400, slug: "invalid-ticker", parameter: "ticker")
    }

    @Test func sixteenCharacterTickerIsAcceptedAndLookedUp() {
        expectProblem(harness.send("/consensus/ABCDEFGHIJKLMNOP"), status: 404, slug: "unknown-ticker", parameter: "ticker")
    }

    @Test func unknownTickerIs404UnknownTicker() {
        expectProblem(harness.send("/consensus/ZZZZ"), status: 404, slug: "unknown-ticker", parameter: "ticker")
        expectProblem(harness.send("/tickers/zzzz"), status: 404, slug: "unknown-ticker", parameter: "ticker")
    }

    @Test func knownTickerWithoutConsensusIs404SayingSo() {
        let problem = expectProblem(harness.send("/consensus/TSLA"), status: 404, slug: "not-found", parameter: "ticker")
        #expect((problem["detail"] as? String)?.contains("no consensus") == true)
    }

    @Test func singleRecordsAreServedByIdAndUnknownIdsAre404() {
        let rating = harness.send("/ratings/aapl-3")
        #expect(rating.status == .ok)
        #expect(rating.object?["id"] as? String == "aapl-3")
        #expect(rating.headers["ETag"] == "\"51\"")
        #expect(harness.send("/insights/insight-1").object?["id"] as? String == "insight-1")
        expectProblem(harness.send("/ratings/nope"), status: 404, slug: "not-found", parameter: "id")
        expectProblem(harness.send("/insights/aapl-3"), status: 404, slug: "not-found", parameter: "id")
    }

    @Test func tickerListAndOverviewComeFromTheStore() {
        let list = harness.send("/tickers")
        #expect(list.status == .ok)
        #expect(list.body == Fixtures.contents().tickers.json)
        #expect((list.object?["data"] as? [Any])?.count == 4)
        #expect(list.headers["ETag"] == "\"7\"")
        #expect(harness.send("/tickers/msft").object?["ticker"] as? String == "MSFT")
    }

    @Test(arguments: ["/nope", "/consensus/", "/consensus/AAPL/extra", "//consensus", "/ratings/", "/Consensus/AAPL",
                      "/healthz/x", "*"])
    func unknownPathIs404(target: String) {
        expectProblem(harness.send(target), status: 404, slug: "not-found")
    }

    @Test func percentEncodedLiteralSegmentsMatchTheirDecodedName() {
        #expect(harness.send("/consensu%73/AAPL").status == .ok)
    }

    @Test(arguments: ["/consensus/AA%4", "/consensus/AA%zz", "/%E2%28%A1", "/ratings/%"])
    func invalidPercentEncodingInPathIs400(target: String) {
        expectProblem(harness.send(target), status: 400, slug: "bad-request")
    }

    @Test(arguments: [HTTPMethod.post, .put, .delete, .patch, HTTPMethod(rawValue: "BREW")])
    func wrongMethodOnKnownPathIs405WithAllow(method: HTTPMethod) {
        let response = harness.send("/ratings", method: method)
        expectProblem(response, status: 405, slug: "method-not-allowed")
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
    }

    @Test func wrongMethodOnUnknownPathIs404() {
        expectProblem(harness.send("/nope", method: .post), status: 404, slug: "not-found")
    }

    @Test func headIsAnsweredLikeGet() {
        let get = harness.send("/consensus/AAPL")
        let head = harness.send("/consensus/AAPL", method: .head)
        #expect(head.status == get.status)
        #expect(head.headers.fields.map(\.name) == get.headers.fields.map(\.name))
        #expect(head.headers["ETag"] == get.headers["ETag"])
        expectProblem(harness.send("/consensus/ZZZZ", method: .head), status: 404, slug: "unknown-ticker", parameter: "ticker")
    }

    @Test func queryOnARouteWithoutParametersIs400NamingIt() {
        let problem = expectProblem(harness.send("/consensus/AAPL?fields=x"), status: 400, slug: "invalid-parameter", parameter: "fields")
        #expect((problem["detail"] as? String)?.contains("/consensus/{ticker} takes no query parameters") == true)
        #expect(harness.send("/consensus/AAPL?").status == .ok)
    }

    @Test func healthzAnswersStatusOK() {
        let response = harness.send("/healthz")
        #expect(response.status == .ok)
        #expect(response.text == #"{"status":"ok"}"#)
        #expect(response.headers["ETag"]?.count == 18)
    }

    @Test func openAPIDocumentIsServedAsYAML() {
        let response = harness.send("/openapi.yaml")
        #expect(response.status == .ok)
        #expect(response.body == Harness.openAPI)
        #expect(response.headers["Content-Type"] == "application/yaml")
        #expect(response.headers["ETag"] == EntityTag.strong(hashing: Harness.openAPI))
        let without = Harness(configuration: APIConfiguration())
        expectProblem(without.send("/openapi.yaml"), status: 404, slug: "not-found")
    }
}
