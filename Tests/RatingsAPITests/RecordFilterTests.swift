import HTTPServer
import LiveState
import Testing
@testable import RatingsAPI

/// The filters of `/ratings` and `/insights`: what reaches the store, and the 400 that names
/// each parameter the API cannot take at its word.
@Suite struct RecordFilterTests {
    let harness = Harness()

    @Test func absentFiltersAskForTheDefaultPageOfEverything() {
        #expect(harness.send("/ratings").status == .ok)
        #expect(harness.lastQuery == RecordQuery(limit: 50))
    }

    @Test func everyFilterReachesTheStoreNormalised() throws {
        let target = "/ratings?tickers=aapl,Msft,AAPL&action=Upgrade,DOWNGRADE&firm=Goldman+Sachs"
            + "&min_importance=3&since=2024-10-01&until=2024-10-04T12:00:00%2B02:00&limit=7"
        #expect(harness.send(target).status == .ok)
        let query = try #require(harness.lastQuery)
        #expect(query.tickers == ["AAPL", "MSFT"])
        #expect(query.actions == ["upgrade", "downgrade"])
        #expect(query.firm == "Goldman Sachs")
        #expect(query.minImportance == 3)
        #expect(query.since == Timestamp(rfc3339: "2024-10-01T00:00:00Z"))
        #expect(query.until == Timestamp(rfc3339: "2024-10-04T10:00:00Z"))
        #expect(query.limit == 7)
        #expect(query.cursor == nil)
    }

    @Test func singleTickerFilterIsUpperCased() {
        _ = harness.send("/insights?ticker=brk%2Fb")
        #expect(harness.lastQuery?.tickers == ["BRK/B"])
    }

    @Test func percentEncodedPlusStaysAPlus() {
        _ = harness.send("/ratings?firm=A%2BB")
        #expect(harness.lastQuery?.firm == "A+B")
    }

    @Test(arguments: ["0", "1001", "abc", "-1", "", "+5", "1.5", "99999999999999999999"])
    func limitOutside1To1000Is400(value: String) {
        let problem = expectProblem(harness.send("/ratings?limit=\(value)"), status: 400, slug: "invalid-parameter", parameter: "limit")
        #expect((problem["detail"] as? String)?.contains("from 1 to 1000") == true)
    }

    @Test func limitBoundsAreAccepted() {
        #expect(harness.send("/ratings?limit=1").status == .ok)
        #expect(harness.send("/ratings?limit=1000").status == .ok)
        #expect(harness.lastQuery?.limit == 1000)
    }

    @Test func configuredPageSizesApply() {
        let small = Harness(configuration: APIConfiguration(defaultPageSize: 3, maxPageSize: 10))
        _ = small.send("/ratings")
        #expect(small.lastQuery?.limit == 3)
        expectProblem(small.send("/ratings?limit=11"), status: 400, slug: "invalid-parameter", parameter: "limit")
    }

    @Test(arguments: ["6", "-1", "high", ""])
    func minImportanceOutside0To5Is400(value: String) {
        expectProblem(harness.send("/ratings?min_importance=\(value)"), status: 400, slug: "invalid-parameter", parameter: "min_importance")
    }

    @Test func minImportanceIsNotAnInsightFilter() {
        let problem = expectProblem(harness.send("/insights?min_importance=1"), status: 400, slug: "invalid-parameter", parameter: "min_importance")
        #expect((problem["detail"] as? String)?.contains("/ratings only") == true)
    }

    @Test(arguments: [("2024-10-05", "2024-10-04"), ("2024-10-04", "2024-10-04"), ("2024-10-04T10:00:00Z", "2024-10-04T11:00:00+02:00")])
    func sinceNotBeforeUntilIs400(since: String, until: String) {
        let target = "/ratings?since=\(since)&until=\(until.replacingOccurrences(of: "+", with: "%2B"))"
        expectProblem(harness.send(target), status: 400, slug: "invalid-parameter", parameter: "until")
    }

    @Test(arguments: ["yesterday", "2024-13-01", "2024-02-30", "2024-10-04T25:00:00Z", "2024-10-04T10:00:00+02:00", "1728000000"])
    func malformedSinceIs400(value: String) {
        // An unencoded `+` is a space in a query, so the offset form must be refused and explained.
        let problem = expectProblem(harness.send("/ratings?since=\(value)"), status: 400, slug: "invalid-parameter", parameter: "since")
        #expect((problem["detail"] as? String)?.contains("%2B") == true)
    }

    @Test func malformedUntilIs400() {
        expectProblem(harness.send("/insights?until=soon"), status: 400, slug: "invalid-parameter", parameter: "until")
    }

    // Base64url of "v1" alone, of a cursor without id, of version "v2", and of a non-numeric time.
    @Test(arguments: ["garbage!", "", "djE", "AAAA", "djEKCgoxCg", "djIKCgoxCng", "djEKCgphYmMKeA", "%F0%9F%98%80"])
    func cursorThatIsNotOursIs400(value: String) {
        expectProblem(harness.send("/ratings?cursor=\(value)"), status: 400, slug: "invalid-parameter", parameter: "cursor")
    }

    @Test func cursorWeIssuedReachesTheStore() {
        let cursor = PageCursor(date: "2024-10-04", time: "10:37:52", updatedMilliseconds: 2, id: "aapl-2")
        #expect(harness.send("/ratings?cursor=\(cursor.token)").status == .ok)
        #expect(harness.lastQuery?.cursor == cursor)
    }

    @Test(arguments: ["tikcer", "Ticker", "page", "min-importance", ""])
    func unknownParameterIs400NamingIt(name: String) {
        let problem = expectProblem(harness.send("/ratings?\(name)=AAPL"), status: 400, slug: "invalid-parameter", parameter: name)
        #expect((problem["detail"] as? String)?.contains("accepts ticker, tickers") == true)
        #expect(harness.lastQuery == nil)
    }

    @Test(arguments: ["limit=5&limit=500", "ticker=AAPL&ticker=AAPL", "action=upgrade&action"])
    func repeatedParameterIs400(query: String) {
        let name = String(query.prefix { $0 != "=" })
        expectProblem(harness.send("/ratings?\(query)"), status: 400, slug: "invalid-parameter", parameter: name)
    }

    @Test func tickerAndTickersTogetherAre400() {
        expectProblem(harness.send("/ratings?ticker=AAPL&tickers=MSFT"), status: 400, slug: "invalid-parameter", parameter: "tickers")
    }

    @Test(arguments: [("ticker=AA$L", "ticker"), ("ticker=", "ticker"), ("tickers=AAPL,,MSFT", "tickers"), ("tickers=AAPL,", "tickers"),
                      ("tickers=AAPL,TOOLONGTICKERSYMBOL", "tickers")])
    func badTickerFilterIs400NamingTheParameter(query: String, parameter: String) {
        expectProblem(harness.send("/ratings?\(query)"), status: 400, slug: "invalid-ticker", parameter: parameter)
    }

    @Test func hundredTickersAreAcceptedAndHundredAndOneRefused() {
        let hundred = (0..<100).map { "T\($0)" }
        #expect(harness.send("/ratings?tickers=" + hundred.joined(separator: ",")).status == .ok)
        #expect(harness.lastQuery?.tickers?.count == 100)
        let problem = expectProblem(
            harness.send("/ratings?tickers=" + (hundred + ["T100"]).joined(separator: ",")),
            status: 400, slug: "invalid-parameter", parameter: "tickers")
        #expect((problem["detail"] as? String)?.contains("at most 100") == true)
    }

    @Test(arguments: ["upgrades", "", "upgrade,", "buy"])
    func unknownActionIs400(value: String) {
        let problem = expectProblem(harness.send("/ratings?action=\(value)"), status: 400, slug: "invalid-parameter", parameter: "action")
        #expect((problem["detail"] as? String)?.contains("firm_dissolved") == true)
    }

    @Test func emptyOrOverlongFirmIs400() {
        expectProblem(harness.send("/ratings?firm="), status: 400, slug: "invalid-parameter", parameter: "firm")
        let long = String(repeating: "x", count: 257)
        expectProblem(harness.send("/ratings?firm=\(long)"), status: 400, slug: "invalid-parameter", parameter: "firm")
    }

    @Test(arguments: ["firm=%4", "firm=%FF", "ticker=%G1"])
    func invalidPercentEncodingInAValueIs400NamingIt(query: String) {
        let name = String(query.prefix { $0 != "=" })
        expectProblem(harness.send("/ratings?\(query)"), status: 400, slug: "invalid-parameter", parameter: name)
    }

    @Test func invalidPercentEncodingInANameIs400() {
        expectProblem(harness.send("/ratings?%ZZ=1"), status: 400, slug: "bad-request")
    }

    @Test func emptyQueryPiecesAreSkipped() {
        #expect(harness.send("/ratings?&limit=2&&").status == .ok)
        #expect(harness.lastQuery?.limit == 2)
    }
}
