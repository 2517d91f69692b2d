/// What the store knows about one ticker: metadata from the records seen, counts, and its
/// rendered detail document (`GET /tickers/{ticker}`).
struct TickerInfo: Sendable {
    var name: String?
    var exchange: String?
    var isin: String?
    /// When the latest change to anything of this ticker was applied.
    var updatedAt: Timestamp?
    var ratingsCount = 0
    var insightsCount = 0
    var hasConsensus = false
    /// Rendered in the same critical section that created the info, so never seen empty.
    var document = Document(json: [], version: 0)

    /// Takes the values a message carries (absent ones keep what is known) and the instant of
    /// the change (the later of it and the one held).
    mutating func absorb(_ facts: TickerFacts, changedAt: Timestamp) {
        if let name = facts.name { self.name = name }
        if let exchange = facts.exchange { self.exchange = exchange }
        if let isin = facts.isin { self.isin = isin }
        updatedAt = Swift.max(updatedAt ?? changedAt, changedAt)
    }
}
