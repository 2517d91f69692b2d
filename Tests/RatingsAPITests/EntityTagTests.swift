import HTTPServer
import LiveState
import Testing
@testable import RatingsAPI

/// `ETag` on every 200 and `If-None-Match` answered with 304 (RFC 9110 §13.1.2).
@Suite struct EntityTagTests {
    let harness = Harness()

    @Test(arguments: [#""1a2b""#, #"W/"1a2b""#, #""zz", "1a2b""#, #"W/"x",W/"1a2b""#, "*", #"  "1a2b"  "#,
                      #""bad, "1a2b""#])
    func matchingIfNoneMatchIs304WithoutBody(value: String) {
        let response = harness.send("/consensus/AAPL", headers: [("If-None-Match", value)])
        #expect(response.status == .notModified)
        #expect(response.body.isEmpty)
        #expect(response.headers["ETag"] == #""1a2b""#)
        #expect(response.headers["Cache-Control"] == "no-cache")
        #expect(response.headers["Content-Type"] == nil)
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test(arguments: [#""1a2c""#, #""1A2B""#, "1a2b", #"W/1a2b"#, "", #""1a2b"#, "**", #"w/"1a2b""#])
    func otherOrMalformedTagsGetTheFullResponse(value: String) {
        let response = harness.send("/consensus/AAPL", headers: [("If-None-Match", value)])
        #expect(response.status == .ok)
        #expect(!response.body.isEmpty)
    }

    @Test func anyOfSeveralIfNoneMatchFieldsCanMatch() {
        let response = harness.send(
            "/consensus/AAPL", headers: [("If-None-Match", #""nope""#), ("if-none-match", #""1a2b""#)])
        #expect(response.status == .notModified)
    }

    @Test func headWithMatchingTagIs304Too() {
        let response = harness.send("/consensus/AAPL", method: .head, headers: [("If-None-Match", #""1a2b""#)])
        #expect(response.status == .notModified)
    }

    @Test func assembledListsRevalidateWithTheirHash() throws {
        let first = harness.send("/consensus?tickers=AAPL,MSFT")
        let tag = try #require(first.headers["ETag"])
        let again = harness.send("/consensus?tickers=AAPL,MSFT", headers: [("If-None-Match", tag)])
        #expect(again.status == .notModified)
        #expect(again.headers["ETag"] == tag)
        let other = harness.send("/consensus?tickers=AAPL", headers: [("If-None-Match", tag)])
        #expect(other.status == .ok)
    }

    @Test func starDoesNotTurnAnErrorInto304() {
        expectProblem(harness.send("/consensus/ZZZZ", headers: [("If-None-Match", "*")]), status: 404, slug: "unknown-ticker", parameter: "ticker")
    }

    @Test func everyOKDocumentCarriesAnETag() {
        for target in ["/consensus/AAPL", "/consensus?tickers=AAPL", "/ratings", "/ratings/aapl-0", "/insights",
                       "/insights/insight-0", "/tickers", "/tickers/AAPL", "/healthz", "/readyz", "/status", "/openapi.yaml"] {
            let response = harness.send(target)
            #expect(response.status == .ok, "\(target)")
            #expect(response.headers["ETag"]?.hasPrefix("\"") == true, "\(target)")
            #expect(response.headers["Cache-Control"] == "no-cache", "\(target)")
        }
    }

    @Test func strongTagIsTheFNV1aHashInSixteenHexDigits() {
        // FNV-1a 64 reference values: the empty input is the offset basis, "a" is af63dc4c8601ec8c.
        #expect(EntityTag.strong(hashing: []) == #""cbf29ce484222325""#)
        #expect(EntityTag.strong(hashing: Array("a".utf8)) == #""af63dc4c8601ec8c""#)
        #expect(EntityTag.quoted(hex: 0x1f) == #""000000000000001f""#)
    }
}

/// The allocation-free document tag must be exactly the store contract's `Document.etag`.
@Test(arguments: [UInt64(0), 1, 0xf, 0x10, 0x1a2b, 0xfff_ffff_ffff, 0x1_0000_0000_0000, UInt64.max])
func documentTagEqualsDocumentETag(version: UInt64) {
    let document = Document(json: [], version: version)
    #expect(EntityTag.of(document) == document.etag)
}
