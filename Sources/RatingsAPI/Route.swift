/// One endpoint of the API with the path parameter it carries (percent-decoded, not yet
/// validated: a ticker is checked by the handler so the error can name it).
enum Route: Equatable, Sendable {
    /// `/consensus/{ticker}`.
    case consensus(ticker: String)
    /// `/consensus?tickers=`.
    case consensusBatch
    /// `/ratings`.
    case ratings
    /// `/ratings/{id}`.
    case rating(id: String)
    /// `/insights`.
    case insights
    /// `/insights/{id}`.
    case insight(id: String)
    /// `/tickers`.
    case tickers
    /// `/tickers/{ticker}`.
    case ticker(String)
    /// `/healthz`.
    case healthz
    /// `/readyz`.
    case readyz
    /// `/status`.
    case status
    /// `/openapi.yaml`.
    case openAPI
    /// `/metrics`.
    case metrics
    /// `/`: the dashboard page.
    case dashboard
    /// `/events`.
    case events

    /// Every route answers these, and only these.
    static let allowedMethods = "GET, HEAD, OPTIONS"

    /// The query parameters the route accepts; any other is refused with a 400.
    var parameters: [String] {
        switch self {
        case .consensusBatch: return ["tickers"]
        case .ratings: return RecordFilter.ratingParameters
        case .insights: return RecordFilter.insightParameters
        case .events: return EventStreamRequest.parameters
        default: return []
        }
    }

    /// The path pattern, as openapi.yaml names it, for error messages.
    var template: String {
        switch self {
        case .consensus: return "/consensus/{ticker}"
        case .consensusBatch: return "/consensus"
        case .ratings: return "/ratings"
        case .rating: return "/ratings/{id}"
        case .insights: return "/insights"
        case .insight: return "/insights/{id}"
        case .tickers: return "/tickers"
        case .ticker: return "/tickers/{ticker}"
        case .healthz: return "/healthz"
        case .readyz: return "/readyz"
        case .status: return "/status"
        case .openAPI: return "/openapi.yaml"
        case .metrics: return "/metrics"
        case .dashboard: return "/"
        case .events: return "/events"
        }
    }
}
