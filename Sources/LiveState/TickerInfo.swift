/// What the store knows about one ticker: metadata from the records seen, counts, and its
/// detail document (`GET /tickers/{ticker}`), rendered on the first read after a change.
struct TickerInfo: Sendable {
    /// Company name, from the latest record that named it.
    var name: String?
    /// Listing exchange.
    var exchange: String?
    /// ISIN.
    var isin: String?
    /// When the latest change to anything of this ticker was applied.
    var updatedAt: Timestamp?
    /// Ratings held.
    var ratingsCount = 0
    /// Insights held.
    var insightsCount = 0
    /// Whether a consensus is held.
    var hasConsensus = false
    /// The last rendering of the detail document; nil until the first read.
    var document: Document?
    /// The sequence of the latest change to reach this ticker since `document` was rendered;
    /// nil while `document` is current. The next read renders and versions by it.
    var pendingVersion: UInt64?

    /// Takes the values a message carries (absent ones keep what is known) and the instant of
    /// the change (the later of it and the one held).
    mutating func absorb(_ facts: TickerFacts, changedAt: Timestamp) {
        if let name = facts.name { self.name = name }
        if let exchange = facts.exchange { self.exchange = exchange }
        if let isin = facts.isin { self.isin = isin }
        updatedAt = Swift.max(updatedAt ?? changedAt, changedAt)
    }
}
