/// Where a route's requests are counted in `HTTPRequestMetrics`: one row per endpoint, labelled
/// with its template (`/consensus/{ticker}`), never the raw path, so the label set is fixed.
extension Route {
    /// One route of each endpoint, in row order; their templates are the `route` labels.
    static let metricsRoutes: [Route] = [
        .consensus(ticker: ""), .consensusBatch, .ratings, .rating(id: ""), .insights, .insight(id: ""),
        .tickers, .ticker(""), .healthz, .readyz, .status, .openAPI, .metrics, .events, .dashboard,
    ]

    /// This route's row: its position in `metricsRoutes`. A new endpoint fails to compile here
    /// until it is given a row.
    var metricsRow: Int {
        switch self {
        case .consensus: return 0
        case .consensusBatch: return 1
        case .ratings: return 2
        case .rating: return 3
        case .insights: return 4
        case .insight: return 5
        case .tickers: return 6
        case .ticker: return 7
        case .healthz: return 8
        case .readyz: return 9
        case .status: return 10
        case .openAPI: return 11
        case .metrics: return 12
        case .events: return 13
        case .dashboard: return 14
        }
    }
}
