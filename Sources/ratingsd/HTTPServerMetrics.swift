import HTTPServer
import ServiceMetrics

/// The HTTP server's connections as Prometheus families, read from its counters at scrape
/// time: how many are open against the cap, and how the event loops share them (a loop far
/// ahead of the others is the first thing to look at when one core is saturated).
struct HTTPServerMetrics: MetricsSource {
    /// The server whose counts are exported.
    let server: HTTPServer
    /// `--max-connections`.
    let maxConnections: Int

    /// The open count, the cap, and the per-loop counts labelled by loop index.
    func collect(into exposition: inout PrometheusExposition) {
        exposition.family("ratingsd_http_open_connections", .gauge, help: "Client connections open within the connection cap.")
        exposition.sample("ratingsd_http_open_connections", server.openConnectionCount)
        exposition.family("ratingsd_http_max_connections", .gauge, help: "The configured connection cap (--max-connections).")
        exposition.sample("ratingsd_http_max_connections", maxConnections)
        exposition.family("ratingsd_http_loop_connections", .gauge, help: "Connections each event loop holds, as it last reported them (once per wakeup).")
        for (loop, count) in server.connectionsPerLoop.enumerated() {
            exposition.sample("ratingsd_http_loop_connections", [("loop", String(loop))], count)
        }
    }
}
