import HTTPServer
import Testing
@testable import RatingsAPI

/// The server's own refusals become problem documents like every other error.
@Suite struct ProblemTypeTests {
    @Test(arguments: [
        (HTTPStatus.badRequest, "bad-request"), (.requestTimeout, "request-timeout"),
        (.contentTooLarge, "content-too-large"), (.uriTooLong, "uri-too-long"),
        (.requestHeaderFieldsTooLarge, "header-fields-too-large"), (.serviceUnavailable, "service-unavailable"),
        (.httpVersionNotSupported, "http-version-not-supported"), (.notFound, "not-found"),
    ])
    func rejectionBecomesItsProblemDocument(status: HTTPStatus, slug: String) {
        let response = Harness().api.respond(toRejected: HTTPRejection(status: status, detail: "Content-Length given twice"))
        let problem = expectProblem(response, status: status.code, slug: slug)
        #expect(problem["detail"] as? String == "Content-Length given twice")
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func rejected405CarriesAllow() {
        let response = Harness().api.respond(toRejected: HTTPRejection(status: .methodNotAllowed, detail: "CONNECT"))
        expectProblem(response, status: 405, slug: "method-not-allowed")
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
    }

    @Test func statusWithoutATypeOfItsOwnIsAboutBlankTitledByItsReason() {
        let response = Harness().api.respond(toRejected: HTTPRejection(status: .lengthRequired, detail: "no length"))
        #expect(response.status.code == 411)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let problem = response.object
        #expect(problem?["type"] as? String == "about:blank")
        #expect(problem?["title"] as? String == "Length Required")
        #expect(problem?["status"] as? Int == 411)
    }

    @Test func detailWithQuotesAndControlsStaysValidJSON() {
        let detail = "bad \"target\"\r\n\u{0}\\ é"
        let response = Harness().api.respond(toRejected: HTTPRejection(status: .badRequest, detail: detail))
        #expect(response.object?["detail"] as? String == detail)
    }

    @Test func clientTextInADetailIsQuotedAndShortened() {
        let long = String(repeating: "Ab\"", count: 100)
        let quoted = APIProblem.quote(long)
        #expect(quoted.hasPrefix("\"Ab\\\"Ab"))
        #expect(quoted.hasSuffix("…\""))
        #expect(quoted.count < 100)
    }
}
