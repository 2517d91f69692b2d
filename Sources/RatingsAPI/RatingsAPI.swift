import HTTPServer
import LiveState
import ServiceMetrics

/// The ratingsd HTTP API: routes, query validation, ETags, CORS and problem documents over a
/// `StoreReading`.
///
/// It answers synchronously on the event loop that parsed the request: no task, no actor, no
/// lock of its own. Documents come from the store already rendered, and their bytes go out
/// as they are (a reference count, not a copy); only lists, `/status` and errors are assembled
/// here. `HEAD` gets the `GET` response and the server drops the body. Every answer is counted
/// in per-loop request metrics; only a `/metrics` scrape takes a lock (the registry's, once).
public final class RatingsAPI: HTTPResponder {
    /// Where every document comes from.
    let store: any StoreReading
    /// Limits, CORS origin and the OpenAPI bytes.
    let configuration: APIConfiguration
    /// Asked on every `/status` and `/readyz`, never cached.
    let serviceState: @Sendable () -> ServiceState
    /// "Now", for `uptime_seconds`.
    let clock: @Sendable () -> Timestamp
    /// The header sets, built once.
    let headers: ResponseHeaders
    /// Ticker validation with the configured length.
    let tickerSymbols: TickerParameter
    /// The tag of `configuration.openAPIDocument`, hashed once.
    let openAPIETag: String
    /// What `GET /metrics` shows; register a `MetricsSource` here to add to it.
    public let metrics: MetricsRegistry
    /// `configuration.dashboardPage` with its tag and policy; nil when the page is empty.
    let dashboardPage: DashboardPage?
    /// `GET /events`; nil answers it 404.
    let events: EventFanout?
    /// Request counts and latencies, one shard per event loop.
    let requestMetrics: HTTPRequestMetrics

    /// An API over `store`. `service` is asked for the current mode and readiness on every
    /// `/status` and `/readyz`; `clock` gives "now" for uptime (a parameter so tests can fix it).
    /// The API registers its own families (those of `/status`, then the HTTP requests) on
    /// `metrics`: give every API a registry of its own. `events` serves `GET /events`; nil
    /// answers it 404.
    public init(
        store: any StoreReading, configuration: APIConfiguration,
        service: @escaping @Sendable () -> ServiceState,
        clock: @escaping @Sendable () -> Timestamp = { Timestamp.now() },
        metrics: MetricsRegistry = MetricsRegistry(),
        events: EventFanout? = nil
    ) {
        precondition(
            configuration.defaultPageSize >= 1 && configuration.defaultPageSize <= configuration.maxPageSize,
            "defaultPageSize must lie in 1...maxPageSize")
        precondition(configuration.maxTickersPerRequest >= 1 && configuration.maxTickerLength >= 1,
                     "ticker limits must be at least 1")
        self.store = store
        self.configuration = configuration
        self.serviceState = service
        self.clock = clock
        headers = ResponseHeaders(configuration: configuration)
        tickerSymbols = TickerParameter(maxLength: configuration.maxTickerLength)
        openAPIETag = EntityTag.strong(hashing: configuration.openAPIDocument)
        precondition(configuration.metricsShards >= 1, "metricsShards must be at least 1")
        self.metrics = metrics
        requestMetrics = HTTPRequestMetrics(shards: configuration.metricsShards)
        metrics.register(ServiceStatusMetrics(store: store, serviceState: service, clock: clock))
        metrics.register(requestMetrics)
        dashboardPage = configuration.dashboardPage.isEmpty
            ? nil : DashboardPage(html: configuration.dashboardPage, base: headers.html)
        self.events = events
        if let events { metrics.register(EventStreamMetrics(events: events)) }
    }

    /// Routes the request: 404 for an unknown path, 405 with `Allow` for a method other than
    /// GET, HEAD and OPTIONS, 204 for OPTIONS, and otherwise the endpoint's answer or problem.
    /// Every answer is counted in the request metrics of the loop that parsed the request.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let start = MonotonicClock.nanoseconds()
        var row = HTTPRequestMetrics.unmatchedRow
        let response = route(request, row: &row)
        requestMetrics.record(loop: request.loop, row: row, status: response.status.code, since: start)
        return response
    }

    /// The answer of `respond(to:)`; sets `row` to the metrics row of the route it matched.
    private func route(_ request: HTTPRequest, row: inout Int) -> HTTPResponse {
        do throws(APIProblem) {
            guard let route = try Route.match(path: request.path) else {
                if request.method == .options, request.path == "*" { return preflight(request) }
                throw APIProblem(
                    .notFound,
                    "Nothing lives at \(APIProblem.quote(request.path)); /openapi.yaml lists every endpoint.")
            }
            row = route.metricsRow
            switch request.method {
            case .get, .head: return try answer(route, to: request)
            case .options: return preflight(request)
            default: return methodNotAllowed(request.method, route: route)
            }
        } catch {
            return problemResponse(error)
        }
    }

    /// The GET (or HEAD) answer of a matched route.
    private func answer(_ route: Route, to request: HTTPRequest) throws(APIProblem) -> HTTPResponse {
        switch route {
        case .consensus(let ticker):
            try rejectQuery(of: request, route: route)
            return try consensus(ticker: ticker, request: request)
        case .consensusBatch:
            return try consensusBatch(request: request, route: route)
        case .ratings, .insights:
            return try records(route, request: request)
        case .rating(let id):
            try rejectQuery(of: request, route: route)
            return try record(store.ratingDocument(id: id), kind: "rating", id: id, request: request)
        case .insight(let id):
            try rejectQuery(of: request, route: route)
            return try record(store.insightDocument(id: id), kind: "insight", id: id, request: request)
        case .tickers:
            try rejectQuery(of: request, route: route)
            let document = store.tickersDocument()
            return ok(document.json, etag: EntityTag.of(document), request: request)
        case .ticker(let ticker):
            try rejectQuery(of: request, route: route)
            return try tickerOverview(ticker: ticker, request: request)
        case .events:
            return try events(request: request)
        case .healthz, .readyz, .status, .openAPI, .metrics:
            try rejectQuery(of: request, route: route)
            return try service(route, request: request)
        case .dashboard:
            try rejectQuery(of: request, route: route)
            return try dashboard(request: request)
        }
    }

    /// Refuses any query on routes that take none (see `QueryParameters` for why).
    private func rejectQuery(of request: HTTPRequest, route: Route) throws(APIProblem) {
        guard let query = request.query, !query.isEmpty else { return }
        _ = try QueryParameters(query: query, accepted: [], path: route.template)
    }
}
