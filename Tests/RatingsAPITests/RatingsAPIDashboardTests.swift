import HTTPServer
import Testing
@testable import RatingsAPI

/// `GET /`: the dashboard page with its tag, policy, 304, HEAD and the errors around it.
@Suite struct RatingsAPIDashboardTests {
    static let page = Array("<!doctype html><title>t</title><style>p{}</style><script>go()</script>".utf8)
    let harness = Harness(configuration: APIConfiguration(openAPIDocument: Harness.openAPI, dashboardPage: Self.page))

    @Test func servesThePageAsHTMLWithATagAndAPolicy() {
        let response = harness.send("/")
        #expect(response.status == .ok)
        #expect(response.body == Self.page)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.headers["Cache-Control"] == "no-cache")
        #expect(response.headers["ETag"] == EntityTag.strong(hashing: Self.page))
        #expect(response.headers["Content-Security-Policy"] == DashboardPage.contentSecurityPolicy(for: Self.page))
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func aMatchingIfNoneMatchGetsABodiless304WithTheTag() {
        let etag = EntityTag.strong(hashing: Self.page)
        let response = harness.send("/", headers: [("If-None-Match", "W/\(etag)")])
        #expect(response.status == .notModified)
        #expect(response.body.isEmpty)
        #expect(response.headers["ETag"] == etag)
        #expect(harness.send("/", headers: [("If-None-Match", "\"other\"")]).status == .ok)
    }

    /// The API answers HEAD as GET; the server drops the body on the wire.
    @Test func headAnswersAsGet() {
        let head = harness.send("/", method: .head)
        let get = harness.send("/")
        #expect(head.status == .ok)
        #expect(head.headers["ETag"] == get.headers["ETag"])
        #expect(head.headers["Content-Type"] == get.headers["Content-Type"])
    }

    /// The filter lives in the URL fragment, so any query is a mistake worth saying so.
    @Test func aQueryIsRefusedNamingTheParameter() {
        expectProblem(harness.send("/?tickers=AAPL"), status: 400, slug: "invalid-parameter", parameter: "tickers")
    }

    @Test func otherMethodsAre405AndAnAPIWithoutAPageAnswers404() {
        let post = harness.send("/", method: .post)
        expectProblem(post, status: 405, slug: "method-not-allowed")
        #expect(post.headers["Allow"] == "GET, HEAD, OPTIONS")
        expectProblem(Harness().send("/"), status: 404, slug: "not-found")
        #expect(harness.send("/index.html").status == .notFound)
    }
}
