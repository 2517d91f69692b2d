/// What a connection asked the upstream for (`tickers=`, `isins=` in its URL).
///
/// Consensus messages name no security in Benzinga's documentation; when a message carries no
/// field that names one, a subscription of exactly one ticker (or exactly one ISIN the store
/// knows) is the only honest way to tie it. Anything wider is never guessed from.
public struct FeedSubscription: Sendable, Equatable {
    /// Upper-cased tickers of the subscription; empty means every ticker.
    public var tickers: [String]
    /// ISINs of the subscription; empty means no ISIN filter.
    public var isins: [String]

    /// A subscription to `tickers` and `isins` (both empty: everything).
    public init(tickers: [String] = [], isins: [String] = []) {
        self.tickers = tickers
        self.isins = isins
    }

    /// A connection without filters: every message must name its own security.
    public static let unfiltered = FeedSubscription()
}
