import LiveState
import WebSocket

/// The feed options a user gives (`--ratings-url`, `--tickers`, `--consensus-per-ticker`...),
/// resolved with the environment's tokens into one `FeedConfiguration` per connection.
///
/// Resolution is a pure function of these options and an environment dictionary, so the
/// executable passes `ProcessInfo`'s environment and tests pass their own.
public struct FeedSettings: Sendable, Equatable {
    /// The environment variable whose token every feed uses unless it has its own.
    public static let sharedTokenVariable = "BENZINGA_TOKEN"

    /// `--ratings-url`, or nil for Benzinga's.
    public var ratingsURL: String?
    /// `--consensus-url`, or nil for Benzinga's.
    public var consensusURL: String?
    /// `--insights-url`, or nil for Benzinga's.
    public var insightsURL: String?
    /// `--tickers`: every feed's ticker filter; empty means all.
    public var tickers: [String]
    /// `--isins`: every feed's ISIN filter; empty means all.
    public var isins: [String]
    /// `--consensus-simplify`.
    public var consensusSimplify: Bool?
    /// `--consensus-aggregate-type`.
    public var consensusAggregateType: ConsensusAggregateType?
    /// `--consensus-per-ticker`: one consensus connection per ticker, for upstreams whose
    /// consensus payload names no security. Each connection counts against the token's limit.
    public var consensusPerTicker: Bool
    /// Feeds switched off even when a token is available.
    public var disabledSources: Set<FeedSource>

    /// Settings with every feed on Benzinga's URLs and no filters.
    public init(
        ratingsURL: String? = nil, consensusURL: String? = nil, insightsURL: String? = nil,
        tickers: [String] = [], isins: [String] = [], consensusSimplify: Bool? = nil,
        consensusAggregateType: ConsensusAggregateType? = nil, consensusPerTicker: Bool = false,
        disabledSources: Set<FeedSource> = []
    ) {
        self.ratingsURL = ratingsURL
        self.consensusURL = consensusURL
        self.insightsURL = insightsURL
        self.tickers = tickers
        self.isins = isins
        self.consensusSimplify = consensusSimplify
        self.consensusAggregateType = consensusAggregateType
        self.consensusPerTicker = consensusPerTicker
        self.disabledSources = disabledSources
    }

    /// The environment variable holding one feed's own token.
    public static func tokenVariable(for source: FeedSource) -> String {
        "BENZINGA_\(source.rawValue.uppercased())_TOKEN"
    }

    /// The token of `source`: its own variable if set and not blank, else the shared one.
    public static func token(for source: FeedSource, environment: [String: String]) -> String? {
        for name in [tokenVariable(for: source), sharedTokenVariable] {
            if let value = environment[name].map(trimmed), !value.isEmpty { return value }
        }
        return nil
    }

    /// One configuration per connection, in ratings, consensus, insights order. A feed without
    /// a token is returned disabled (so `/status` can say so); with `consensusPerTicker`,
    /// consensus becomes one configuration per ticker.
    ///
    /// Throws when an option is unusable: a malformed URL, or `consensusPerTicker` without
    /// tickers (a per-ticker connection needs a ticker to name).
    public func configurations(environment: [String: String]) throws(FeedSettingsError) -> [FeedConfiguration] {
        let tickers = Self.cleaned(tickers, uppercase: true)
        let isins = Self.cleaned(isins, uppercase: true)
        var result: [FeedConfiguration] = []
        for source in FeedSource.allCases {
            let url = [.ratings: ratingsURL, .consensus: consensusURL, .insights: insightsURL][source] ?? nil
            let token = Self.token(for: source, environment: environment)
            var configuration = FeedConfiguration(
                source: source, enabled: token != nil && !disabledSources.contains(source), url: url,
                token: token, tickers: tickers, isins: isins)
            do throws(WebSocketError) {
                _ = try WebSocketURL(configuration.url)
            } catch {
                throw .invalidURL(source: source, reason: error.description)
            }
            guard source == .consensus else {
                result.append(configuration)
                continue
            }
            configuration.simplify = consensusSimplify
            configuration.aggregateType = consensusAggregateType
            guard consensusPerTicker else {
                result.append(configuration)
                continue
            }
            guard !tickers.isEmpty else { throw .perTickerWithoutTickers }
            for ticker in tickers {
                var single = configuration
                single.tickers = [ticker]
                result.append(single)
            }
        }
        return result
    }

    /// Trimmed, non-empty, de-duplicated items in their first order.
    private static func cleaned(_ items: [String], uppercase: Bool) -> [String] {
        var seen = Set<String>()
        return items.compactMap { item in
            let clean = trimmed(item)
            let value = uppercase ? clean.uppercased() : clean
            return !value.isEmpty && seen.insert(value).inserted ? value : nil
        }
    }

    /// Without leading and trailing spaces, tabs, CR and LF (no Foundation needed).
    private static func trimmed(_ text: String) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
