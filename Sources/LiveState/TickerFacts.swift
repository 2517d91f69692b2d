/// What one message says about its security; absent values do not erase known ones.
struct TickerFacts: Sendable, Equatable {
    var name: String?
    var exchange: String?
    var isin: String?
}
