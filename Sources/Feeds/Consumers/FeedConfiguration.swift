import LiveState
import WebSocket

/// Everything one upstream connection needs: which stream, where, with which token and filters.
///
/// The token travels only in the connection URL's query (that is where Benzinga reads it), so
/// the URL built here is the one value that must never be logged; `redactedURL` is the form for
/// logs and `/status`. `url` is a base URL: the query this type builds is appended to any query
/// it already has (a simulator's fault switches, say).
public struct FeedConfiguration: Sendable, Equatable {
    /// The stream, which is also how every message on this connection is routed.
    public var source: FeedSource
    /// Whether a consumer runs for this feed (false: no token, or switched off).
    public var enabled: Bool
    /// The base `ws://` or `wss://` URL, without the token.
    public var url: String
    /// The API token (per-feed or shared); nil when none was configured.
    public var token: String?
    /// Tickers to subscribe to (`tickers=`); empty means all.
    public var tickers: [String]
    /// ISINs to subscribe to (`isins=`); empty means all.
    public var isins: [String]
    /// Consensus only: fold strong buckets into buy and sell (`simplify=`); nil leaves it out.
    public var simplify: Bool?
    /// Consensus only: buckets as counts or percentages (`aggregate_type=`); nil leaves it out.
    public var aggregateType: ConsensusAggregateType?

    /// A feed of `source` at `url` (Benzinga's production URL by default).
    public init(
        source: FeedSource, enabled: Bool = true, url: String? = nil, token: String? = nil,
        tickers: [String] = [], isins: [String] = [], simplify: Bool? = nil,
        aggregateType: ConsensusAggregateType? = nil
    ) {
        self.source = source
        self.enabled = enabled
        self.url = url ?? Self.defaultURL(for: source)
        self.token = token
        self.tickers = tickers
        self.isins = isins
        self.simplify = simplify
        self.aggregateType = aggregateType
    }

    /// Benzinga's production URL of a stream.
    public static func defaultURL(for source: FeedSource) -> String {
        switch source {
        case .ratings: "wss://api.benzinga.com/api/v2.1/calendar/ratings/stream"
        case .consensus: "wss://api.benzinga.com/api/v1/consensus-ratings/stream"
        case .insights: "wss://api.benzinga.com/api/v1/analyst/insights/stream"
        }
    }

    /// A name for logs and `/status`: the source, plus the ticker of a one-ticker connection
    /// (`consensus[AAPL]`), so per-ticker consensus connections are told apart.
    public var name: String {
        tickers.count == 1 && source == .consensus ? "\(source.rawValue)[\(tickers[0])]" : source.rawValue
    }

    /// What the connection asks for; the pipeline ties consensus messages by it when it names
    /// exactly one ticker.
    public var subscription: FeedSubscription {
        FeedSubscription(tickers: tickers.map { $0.uppercased() }, isins: isins)
    }

    /// The URL to connect to, query included. Holds the token: never log it.
    public func connectionURL() throws(WebSocketError) -> WebSocketURL {
        let base = try WebSocketURL(url)
        let query = [base.query, queryString].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: "&")
        let path = base.path + (query.isEmpty ? "" : "?" + query)
        return try WebSocketURL("\(base.isSecure ? "wss" : "ws")://\(base.hostHeader)\(path)")
    }

    /// `scheme://host/path` of the URL, without its query (and so without the token); safe to
    /// log. An unusable URL shows as a fixed text rather than being echoed.
    public var redactedURL: String {
        guard let parsed = try? WebSocketURL(url) else { return "(invalid URL)" }
        return "\(parsed.isSecure ? "wss" : "ws")://\(parsed.hostHeader)\(parsed.path)"
    }
}
