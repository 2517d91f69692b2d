/// What one message says about its security; absent values do not erase known ones.
struct TickerFacts: Sendable, Equatable {
    /// Company name.
    var name: String?
    /// Listing exchange.
    var exchange: String?
    /// ISIN, which also ties ISIN-only consensus messages to the ticker.
    var isin: String?
}
