import ServiceMetrics

/// Request counts and latency histograms by route template and status code, kept per event
/// loop and merged when `/metrics` is scraped.
///
/// Recording is two clock reads and two relaxed atomic adds into the loop's own shard
/// (`ShardedHistogram`): no lock, no allocation, nothing another loop writes. The labels are
/// bounded: a row per route template plus `unmatched` (any path no route knows) and `rejected`
/// (requests the server refused before routing), and a column per status code the server
/// sends, with any other code under its class (`2xx`) or `other`.
final class HTTPRequestMetrics: MetricsSource {
    /// The `route` label of each row.
    static let routeLabels: [String] = Route.metricsRoutes.map(\.template) + ["unmatched", "rejected"]
    /// The row of paths no route matches.
    static let unmatchedRow = Route.metricsRoutes.count
    /// The row of requests the server refused itself (malformed, too large, too slow).
    static let rejectedRow = unmatchedRow + 1
    /// The codes with a column of their own: every status the API and the server send.
    static let statusCodes = [200, 204, 304, 400, 404, 405, 406, 408, 411, 413, 414, 417, 429, 431, 500, 501, 503, 505]
    /// The `status` label of each column: the codes, then the classes, then `other`.
    static let statusLabels: [String] = statusCodes.map { String($0) } + ["1xx", "2xx", "3xx", "4xx", "5xx", "other"]
    /// Bucket bounds: the API answers from memory in microseconds, so the buckets are fine
    /// below a millisecond and coarse above it.
    static let bounds: [Duration] = [
        .microseconds(25), .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
    ]

    /// `ratingsd_http_request_duration_seconds` HELP: where the measurement starts and ends.
    static let durationHelp = """
        Time the API took to answer a request, by route template and status code: from the parsed \
        request reaching the responder to its response being ready for the server to encode (for a \
        stream, its head). Excludes reading and parsing the request, encoding and writing the response.
        """

    /// The counts, one shard per event loop.
    let table: ShardedHistogram
    /// Column by status code for codes below 600, built once so a lookup is an index.
    private let columnByCode: [Int]

    /// Metrics kept in `shards` shards; give each event loop its own.
    init(shards: Int) {
        table = ShardedHistogram(
            bounds: Self.bounds, rows: Self.routeLabels.count, columns: Self.statusLabels.count, shards: shards)
        let classColumn = Self.statusCodes.count
        columnByCode = (0..<600).map { code in
            Self.statusCodes.firstIndex(of: code) ?? (code >= 100 ? classColumn + code / 100 - 1 : classColumn + 5)
        }
    }

    /// Counts a request answered on event loop `loop` in `row` with `status`, begun at
    /// `start` (`MonotonicClock.nanoseconds()`).
    @inline(__always)
    func record(loop: Int, row: Int, status: Int, since start: Int64) {
        let column = status >= 0 && status < columnByCode.count ? columnByCode[status] : Self.statusLabels.count - 1
        table.record(shard: loop, row: row, column: column, nanoseconds: MonotonicClock.nanoseconds() - start)
    }

    /// `ratingsd_http_requests_total` and `ratingsd_http_request_duration_seconds`, one series
    /// per route and status seen so far.
    func collect(into exposition: inout PrometheusExposition) {
        var series: [(labels: [(String, String)], snapshot: HistogramSnapshot)] = []
        for row in 0..<table.rows {
            for column in 0..<table.columns {
                let snapshot = table.snapshot(row: row, column: column)
                guard snapshot.count > 0 else { continue }
                series.append(([("route", Self.routeLabels[row]), ("status", Self.statusLabels[column])], snapshot))
            }
        }
        exposition.family(
            "ratingsd_http_requests_total", .counter,
            help: "HTTP requests answered, by route template and status code.")
        for (labels, snapshot) in series {
            exposition.sample("ratingsd_http_requests_total", labels, Int(truncatingIfNeeded: snapshot.count))
        }
        exposition.family("ratingsd_http_request_duration_seconds", .histogram, help: Self.durationHelp)
        for (labels, snapshot) in series {
            exposition.histogram(
                "ratingsd_http_request_duration_seconds", labels, bounds: table.bounds, snapshot: snapshot)
        }
    }
}
