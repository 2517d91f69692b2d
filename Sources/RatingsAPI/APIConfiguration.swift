import HTTPServer

/// What the HTTP API can be tuned with; every limit has the default the OpenAPI document states.
public struct APIConfiguration: Sendable {
    /// `Access-Control-Allow-Origin` on every response (`--cors-origin`); nil sends no CORS
    /// headers at all. Anything but `*` also adds `Vary: Origin`.
    public var corsOrigin: String?
    /// How many tickers `GET /consensus?tickers=` and the `tickers` filter take at most.
    public var maxTickersPerRequest: Int
    /// The page size of `/ratings` and `/insights` when `limit` is absent.
    public var defaultPageSize: Int
    /// The largest `limit` accepted.
    public var maxPageSize: Int
    /// The longest ticker accepted, in characters of `A-Z 0-9 . - /`.
    public var maxTickerLength: Int
    /// The longest `firm` filter accepted, in bytes.
    public var maxFirmLength: Int
    /// `Access-Control-Max-Age` of preflight answers, in seconds.
    public var preflightMaxAgeSeconds: Int
    /// The bytes served at `GET /openapi.yaml` (the executable embeds the file).
    public var openAPIDocument: [UInt8]
    /// How many shards the request metrics keep: set it to the server's event loop count so
    /// every loop records into memory of its own (more loops than shards share, correctly but
    /// with contended cache lines).
    public var metricsShards: Int
    /// The HTML served at `GET /` (the executable embeds the dashboard page); empty answers 404.
    public var dashboardPage: [UInt8]

    /// The defaults are the documented ones; `defaultPageSize` must lie in `1...maxPageSize`.
    public init(
        corsOrigin: String? = "*", maxTickersPerRequest: Int = 100, defaultPageSize: Int = 50,
        maxPageSize: Int = 1000, maxTickerLength: Int = 16, maxFirmLength: Int = 256,
        preflightMaxAgeSeconds: Int = 86_400, openAPIDocument: [UInt8] = [], dashboardPage: [UInt8] = [],
        metricsShards: Int = HTTPServerConfiguration.onlineProcessorCount
    ) {
        self.corsOrigin = corsOrigin
        self.maxTickersPerRequest = maxTickersPerRequest
        self.defaultPageSize = defaultPageSize
        self.maxPageSize = maxPageSize
        self.maxTickerLength = maxTickerLength
        self.maxFirmLength = maxFirmLength
        self.preflightMaxAgeSeconds = preflightMaxAgeSeconds
        self.openAPIDocument = openAPIDocument
        self.metricsShards = metricsShards
        self.dashboardPage = dashboardPage
    }
}
