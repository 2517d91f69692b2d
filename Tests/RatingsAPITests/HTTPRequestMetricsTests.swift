import HTTPServer
import LiveState
import Testing
@testable import RatingsAPI

/// Requests counted by route template and status, and `GET /metrics` itself.
@Suite struct HTTPRequestMetricsTests {
    /// The `ratingsd_http_requests_total` lines of a scrape.
    private func requestLines(_ harness: Harness) -> [String] {
        harness.send("/metrics").text.split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("ratingsd_http_requests_total{") }
    }

    @Test func requestsAreCountedByRouteTemplateNeverTheRawPath() {
        let harness = Harness()
        _ = harness.send("/consensus/AAPL")
        _ = harness.send("/consensus/MSFT")
        _ = harness.send("/consensus/NOPE")
        _ = harness.send("/no/such/path")
        _ = harness.send("/another-unknown")
        _ = harness.send("/ratings", method: .post)
        _ = harness.send("/ratings", method: .options)
        #expect(requestLines(harness) == [
            #"ratingsd_http_requests_total{route="/consensus/{ticker}",status="200"} 2"#,
            #"ratingsd_http_requests_total{route="/consensus/{ticker}",status="404"} 1"#,
            #"ratingsd_http_requests_total{route="/ratings",status="204"} 1"#,
            #"ratingsd_http_requests_total{route="/ratings",status="405"} 1"#,
            #"ratingsd_http_requests_total{route="unmatched",status="404"} 2"#,
        ])
    }

    @Test func requestsOnDifferentLoopsAddUpInOneSeries() {
        let harness = Harness()
        for loop in 0..<5 {
            var request = HTTPRequest(method: .get, target: "/healthz")
            request.loop = loop
            _ = harness.api.respond(to: request)
        }
        #expect(requestLines(harness) == [#"ratingsd_http_requests_total{route="/healthz",status="200"} 5"#])
    }

    @Test func serverRejectionsAreCountedUnderRejected() {
        let harness = Harness()
        _ = harness.api.respond(toRejected: HTTPRejection(status: .requestHeaderFieldsTooLarge, detail: "too big"))
        #expect(requestLines(harness) == [#"ratingsd_http_requests_total{route="rejected",status="431"} 1"#])
    }

    @Test func anUnlistedStatusIsCountedUnderItsClass() {
        let metrics = HTTPRequestMetrics(shards: 1)
        metrics.record(loop: 0, row: 0, status: 418, since: 0)
        metrics.record(loop: 0, row: 0, status: 999, since: 0)
        #expect(metrics.table.snapshot(row: 0, column: HTTPRequestMetrics.statusLabels.firstIndex(of: "4xx")!).count == 1)
        #expect(metrics.table.snapshot(row: 0, column: HTTPRequestMetrics.statusLabels.firstIndex(of: "other")!).count == 1)
    }

    @Test func histogramSeriesFollowTheCounts() {
        let harness = Harness()
        _ = harness.send("/healthz")
        let lines = harness.send("/metrics").text.split(separator: "\n").map(String.init)
        let labels = #"route="/healthz",status="200""#
        let buckets = lines.filter { $0.hasPrefix("ratingsd_http_request_duration_seconds_bucket{\(labels)") }
        #expect(buckets.count == HTTPRequestMetrics.bounds.count + 1)
        #expect(buckets.last == "ratingsd_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} 1")
        #expect(lines.contains("ratingsd_http_request_duration_seconds_count{\(labels)} 1"))
        #expect(lines.contains { $0.hasPrefix("ratingsd_http_request_duration_seconds_sum{\(labels)} ") })
        #expect(lines.contains("# TYPE ratingsd_http_request_duration_seconds histogram"))
    }

    @Test func metricsAnswersInThePrometheusTextFormatWithoutCaching() {
        let harness = Harness()
        let response = harness.send("/metrics")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
        #expect(response.headers["ETag"] == nil)
        #expect(response.text.hasPrefix("# HELP ratingsd_info "))
        expectProblem(harness.send("/metrics?format=json"), status: 400, slug: "invalid-parameter", parameter: "format")
        #expect(harness.send("/metrics", method: .delete).status.code == 405)
    }

    @Test func anotherComponentsSourceFollowsTheAPIFamilies() {
        let harness = Harness()
        harness.api.metrics.register { exposition in
            exposition.family("ratingsd_events_subscribers", .gauge, help: "Open event streams.")
            exposition.sample("ratingsd_events_subscribers", 2)
        }
        let text = harness.send("/metrics").text
        #expect(text.hasSuffix("# TYPE ratingsd_events_subscribers gauge\nratingsd_events_subscribers 2\n"))
        #expect(text.hasPrefix("# HELP ratingsd_info "))
    }

    @Test func everyRouteHasTheMetricsRowOfItsTemplate() {
        for (row, route) in Route.metricsRoutes.enumerated() {
            #expect(route.metricsRow == row)
            #expect(HTTPRequestMetrics.routeLabels[row] == route.template)
        }
        #expect(Set(HTTPRequestMetrics.routeLabels).count == HTTPRequestMetrics.routeLabels.count)
    }
}
