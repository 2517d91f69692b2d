import LiveState

/// Why feed options cannot be turned into connections; the text never echoes a URL's query.
public enum FeedSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A feed URL cannot be used.
    case invalidURL(source: FeedSource, reason: String)
    /// `--consensus-per-ticker` was given without `--tickers`.
    case perTickerWithoutTickers

    /// One line for the command line's error output.
    public var description: String {
        switch self {
        case .invalidURL(let source, let reason): "--\(source.rawValue)-url: \(reason)"
        case .perTickerWithoutTickers: "--consensus-per-ticker needs --tickers (one connection per ticker)"
        }
    }
}
