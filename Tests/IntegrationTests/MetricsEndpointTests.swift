import Testing

/// `GET /metrics` of the real binary in demo mode: the scrape parses, and the counters move with
/// the requests sent and the data loaded.
@Suite(.serialized) struct MetricsEndpointTests {
    private func scrape(_ client: HTTPTestClient) throws -> PrometheusText {
        let response = try client.get("/metrics")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        return try PrometheusText(response.text)
    }

    private static func requests(_ route: String, _ status: Int, in scrape: PrometheusText) -> Double {
        scrape.value("ratingsd_http_requests_total", ["route": route, "status": String(status)]) ?? 0
    }

    @Test func countersMoveWithRequestsAndTheScrapeParses() throws {
        let server = try DemoModeTests.startLoaded()
        let client = try HTTPTestClient(port: server.port)
        let before = try scrape(client)
        for path in ["/consensus/AAPL", "/consensus/msft", "/consensus/AAPL"] { _ = try client.get(path) }
        _ = try client.get("/no/such/path")
        _ = try client.get("/ratings", method: "HEAD")
        let after = try scrape(client)

        #expect(Self.requests("/consensus/{ticker}", 200, in: after) - Self.requests("/consensus/{ticker}", 200, in: before) == 3)
        #expect(Self.requests("unmatched", 404, in: after) - Self.requests("unmatched", 404, in: before) == 1)
        #expect(Self.requests("/ratings", 200, in: after) - Self.requests("/ratings", 200, in: before) == 1)
        #expect(Self.requests("/metrics", 200, in: after) >= 1)
        #expect(!after.samples.contains { $0.labels["route"]?.contains("AAPL") == true })
        let latencies = after.value("ratingsd_http_request_duration_seconds_count", ["route": "/consensus/{ticker}", "status": "200"])
        #expect(latencies == Self.requests("/consensus/{ticker}", 200, in: after))

        #expect(after.types["ratingsd_http_request_duration_seconds"] == "histogram")
        #expect(after.types["ratingsd_store_applied_total"] == "counter")
        #expect(after.value("ratingsd_info", ["mode": "demo"]) == 1)
        #expect(after.value("ratingsd_ready") == 1)
        #expect((after.value("ratingsd_store_applied_total", ["source": "ratings"]) ?? 0) > 0)
        #expect((after.value("ratingsd_store_consensus") ?? 0) > 0)
        #expect((after.value("ratingsd_process_uptime_seconds") ?? 0) >= (before.value("ratingsd_process_uptime_seconds") ?? .infinity))
        // This client's connection at least, on some loop (each reports once per wakeup, long
        // before the scrape answered on that connection could be read).
        let open = try #require(after.value("ratingsd_http_open_connections"))
        #expect(open >= 1)
        #expect(after.value("ratingsd_http_max_connections") == 10_000)
        let perLoop = after.samples.filter { $0.name == "ratingsd_http_loop_connections" }
        #expect(!perLoop.isEmpty && perLoop.allSatisfy { $0.labels["loop"] != nil })
        #expect(perLoop.map(\.value).reduce(0, +) >= 1)
    }

    @Test func aRequestTheServerRefusesIsCountedAsRejected() throws {
        let server = try DemoModeTests.startLoaded()
        let refused = try HTTPTestClient(port: server.port)
        try refused.send("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
        #expect(try refused.readResponse().status == 400)
        let after = try scrape(try HTTPTestClient(port: server.port))
        #expect(Self.requests("rejected", 400, in: after) == 1)
    }

    @Test func theParserRefusesWhatIsNotTheFormat() {
        #expect(throws: PrometheusText.FormatError.self) { try PrometheusText("undeclared 1\n") }
        #expect(throws: PrometheusText.FormatError.self) { try PrometheusText("# TYPE m gauge\nm{a=\"x} 1\n") }
        #expect(throws: PrometheusText.FormatError.self) {
            try PrometheusText("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n")
        }
        #expect(throws: Never.self) { try PrometheusText("# TYPE m gauge\nm{a=\"q\\\"\\n\"} +Inf\n") }
    }
}
