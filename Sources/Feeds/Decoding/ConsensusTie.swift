import LiveState

/// What a consensus message says about the security it is for.
struct ConsensusTie {
    /// The ticker named by the message, if any, with the field that named it.
    let ticker: (value: String, field: String)?
    /// The ISIN named by the message, if any (checked).
    let isin: String?

    /// Collects `ticker`, `symbol`, `security.symbol`, `isin` and `security.isin` from the
    /// payload and, when the payload is wrapped in `content`, from `data` as well.
    init(payload: FieldReader, data: FieldReader?) throws(DecodeFailure) {
        var named: [(value: String, field: String)] = []
        var isins: [(value: String, field: String)] = []
        for reader in [payload] + (data.map { [$0] } ?? []) {
            for key in [FeedKeys.ticker, FeedKeys.symbol] {
                if let ticker = try reader.ticker(key) { named.append((ticker, reader.path.naming(key))) }
            }
            if let isin = try reader.isin(FeedKeys.isin, strict: true) { isins.append((isin, reader.path.naming(FeedKeys.isin))) }
            let securityPath = FieldPath(reader.path.naming(FeedKeys.security))
            if let security = try reader.object(FeedKeys.security, path: securityPath) {
                if let ticker = try security.ticker(FeedKeys.symbol) { named.append((ticker, securityPath.naming(FeedKeys.symbol))) }
                if let isin = try security.isin(FeedKeys.isin, strict: true) { isins.append((isin, securityPath.naming(FeedKeys.isin))) }
            }
        }
        for list in [named, isins] {
            if let first = list.first, let other = list.first(where: { $0.value != first.value }) {
                throw DecodeFailure(.ambiguous, "consensus message names two securities: \(first.field) \(first.value) and \(other.field) \(other.value)")
            }
        }
        self.ticker = named.first
        self.isin = isins.first?.value
    }

    /// The ticker to file the consensus under, or a `noSecurity` failure.
    func resolve(subscription: FeedSubscription, resolveISIN: (String) -> String?) throws(DecodeFailure) -> String {
        if let ticker { return ticker.value }
        if let isin {
            if let ticker = resolveISIN(isin) { return ticker }
            throw DecodeFailure(.noSecurity, "consensus message names ISIN \(isin), which no rating or insight has tied to a ticker")
        }
        if subscription.tickers.count == 1, let ticker = TickerSymbol.normalized(subscription.tickers[0]) {
            return ticker
        }
        if subscription.tickers.isEmpty, subscription.isins.count == 1,
           let isin = ISIN.normalized(subscription.isins[0]), let ticker = resolveISIN(isin) {
            return ticker
        }
        throw DecodeFailure(.noSecurity, "consensus message names no security (no ticker, symbol, security.symbol or known isin, and not a one-ticker subscription)")
    }
}
