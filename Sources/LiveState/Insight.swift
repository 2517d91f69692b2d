/// One analyst insight: a firm's note on a security, tied to it by `content.security.symbol`.
public struct Insight: Sendable, Equatable {
    /// `data.id`.
    public var id: String
    /// Upper-cased `content.security.symbol`.
    public var ticker: String
    public var name: String?
    public var exchange: String?
    public var isin: String?
    public var cik: String?
    /// The analyst's action on the stock as given (`Upgrades`, `Maintains`, ...).
    public var action: String?
    public var rating: String?
    /// `content.pt`, a string upstream.
    public var priceTarget: Double?
    public var firm: String?
    public var firmID: String?
    /// `content.date` as given.
    public var date: String?
    public var analystInsights: String?
    public var ratingID: String?
    /// `content.updated`, given in seconds or milliseconds upstream.
    public var updated: Timestamp?
    /// `data.timestamp`.
    public var timestamp: Timestamp?

    public init(id: String, ticker: String) {
        self.id = id
        self.ticker = ticker
    }
}
