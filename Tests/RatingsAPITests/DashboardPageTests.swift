import HTTPServer
import Testing
@testable import RatingsAPI

/// The dashboard's Content-Security-Policy, derived from the page's own inline blocks.
@Suite struct DashboardPageTests {
    @Test func allowsEachInlineScriptAndStyleByItsHashAndNothingElse() {
        let html = Array("<!doctype html><style>body{color:red}</style><script>console.log(1)\n</script>".utf8)
        #expect(DashboardPage.contentSecurityPolicy(for: html) == """
            default-src 'none'; script-src 'sha256-OHml2TCuGZmyeKOkmPfeP9g7qNrlkzD8+i2zHBA6wh0='; \
            style-src 'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='; connect-src 'self'; img-src data:; \
            base-uri 'none'; form-action 'none'; frame-ancestors 'none'
            """)
    }

    @Test func aPageWithoutScriptsAllowsNoneAndRepeatedBlocksAreListedOnce() {
        let policy = DashboardPage.contentSecurityPolicy(for: Array("<style>p{}</style><style>p{}</style><p>x".utf8))
        #expect(policy.contains("script-src 'none';"))
        #expect(policy.ranges(of: "'sha256-").count == 1)
    }

    @Test func headersAddThePolicyAndTheTagHashesTheBytes() {
        var base = HTTPHeaders()
        base.add(name: "Content-Type", value: "text/html; charset=utf-8")
        let html = Array("<script>x()</script>".utf8)
        let page = DashboardPage(html: html, base: base)
        #expect(page.body == html)
        #expect(page.etag == EntityTag.strong(hashing: html))
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.headers["Content-Security-Policy"] == DashboardPage.contentSecurityPolicy(for: html))
        #expect(page.headers["X-Content-Type-Options"] == "nosniff")
        #expect(page.headers["Referrer-Policy"] == "no-referrer")
    }
}
