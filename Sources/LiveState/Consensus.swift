/// The aggregate of analyst opinion on one security, as last received from the consensus stream.
public struct Consensus: Sendable, Equatable {
    /// Upper-cased ticker the message was tied to (a field it carried or its subscription).
    public var ticker: String
    public var isin: String?
    /// `consensus_rating` as given (`BUY`, `Buy`, `strong_sell`, `STRONG-SELL`, ...).
    public var consensusRating: String?
    public var consensusRatingValue: Double?
    public var consensusPriceTarget: Double?
    public var highPriceTarget: Double?
    public var lowPriceTarget: Double?
    /// `number` or `percentage`, as given.
    public var aggregateType: String?
    public var aggregateRatings: AggregateRatings
    public var totalAnalystCount: Int?
    public var uniqueAnalystCount: Int?
    /// `updated_at`, from RFC 3339 or `YYYY-MM-DD HH:MM:SS` US Eastern.
    public var updatedAt: Timestamp?

    public init(ticker: String, aggregateRatings: AggregateRatings = AggregateRatings()) {
        self.ticker = ticker
        self.aggregateRatings = aggregateRatings
    }
}
