import HTTPServer
import Testing
@testable import RatingsAPI

/// CORS on every response, and preflight `OPTIONS`.
@Suite struct ResponseHeadersTests {
    @Test func defaultOriginIsStarWithoutVary() {
        let harness = Harness()
        for response in [harness.send("/consensus/AAPL"), harness.send("/nope"), harness.send("/ratings?limit=0")] {
            #expect(response.headers["Access-Control-Allow-Origin"] == "*")
            #expect(response.headers["Access-Control-Expose-Headers"] == "ETag, Link")
            #expect(response.headers["Vary"] == nil)
        }
    }

    @Test func configuredOriginIsSentWithVaryOrigin() {
        let harness = Harness(configuration: APIConfiguration(corsOrigin: "https://app.example"))
        let responses = [
            harness.send("/consensus/AAPL"), harness.send("/consensus/ZZZZ"),
            harness.send("/consensus/AAPL", headers: [("If-None-Match", "*")]),
            harness.api.respond(toRejected: HTTPRejection(status: .uriTooLong, detail: "long")),
        ]
        for response in responses {
            #expect(response.headers["Access-Control-Allow-Origin"] == "https://app.example")
            #expect(response.headers["Vary"] == "Origin")
        }
    }

    @Test func noOriginConfiguredSendsNoCORSHeaders() {
        let harness = Harness(configuration: APIConfiguration(corsOrigin: nil))
        let response = harness.send("/consensus/AAPL")
        #expect(response.headers.fields.allSatisfy { !$0.name.hasPrefix("Access-Control-") })
        let preflight = harness.send("/ratings", method: .options)
        #expect(preflight.status == .noContent)
        #expect(preflight.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(preflight.headers["Access-Control-Allow-Methods"] == nil)
    }

    @Test func preflightOnAKnownPathIs204WithMethodsHeadersAndMaxAge() {
        let response = Harness().send("/consensus/AAPL", method: .options, headers: [
            ("Origin", "https://app.example"), ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "if-none-match, x-trace-id"),
        ])
        #expect(response.status == .noContent)
        #expect(response.body.isEmpty)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
        #expect(response.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Headers"] == "if-none-match, x-trace-id")
        #expect(response.headers["Access-Control-Max-Age"] == "86400")
        #expect(response.headers.values(for: "Vary").contains("Access-Control-Request-Headers"))
    }

    @Test(arguments: [nil, "x-evil\u{7F}", "a:b", ""])
    func preflightWithoutPlainRequestedHeadersAllowsTheDefaults(requested: String?) {
        let headers = requested.map { [("Access-Control-Request-Headers", $0)] } ?? []
        let response = Harness().send("/ratings", method: .options, headers: headers)
        #expect(response.headers["Access-Control-Allow-Headers"] == "If-None-Match, Last-Event-ID, Content-Type")
    }

    @Test func preflightTicksTheConfiguredMaxAge() {
        let harness = Harness(configuration: APIConfiguration(preflightMaxAgeSeconds: 600))
        #expect(harness.send("/status", method: .options).headers["Access-Control-Max-Age"] == "600")
    }

    @Test func optionsOnAnUnknownPathIs404AndAsteriskFormIs204() {
        expectProblem(Harness().send("/nope", method: .options), status: 404, slug: "not-found")
        #expect(Harness().send("*", method: .options).status == .noContent)
    }

    @Test func optionsDoesNotValidateTheTickerOrQuery() {
        #expect(Harness().send("/consensus/A$?x=1", method: .options).status == .noContent)
    }
}
