/// The distribution of ratings behind a consensus: counts, or shares of the total when the
/// consensus was requested with `aggregate_type=percentage` (hence `Double`).
public struct AggregateRatings: Sendable, Equatable {
    public var strongBuy: Double?
    public var buy: Double?
    public var hold: Double?
    public var sell: Double?
    public var strongSell: Double?

    public init(
        strongBuy: Double? = nil, buy: Double? = nil, hold: Double? = nil,
        sell: Double? = nil, strongSell: Double? = nil
    ) {
        self.strongBuy = strongBuy
        self.buy = buy
        self.hold = hold
        self.sell = sell
        self.strongSell = strongSell
    }
}
