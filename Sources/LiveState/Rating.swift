/// One analyst rating as held by the store, normalised at the edge: price targets are numbers,
/// `importance` an integer, times are `Timestamp`s. Words (`actionCompany`, `ratingCurrent`, ...)
/// are kept exactly as upstream sent them; their normalised forms are derived when rendering.
public struct Rating: Sendable, Equatable {
    /// `data.id`: the identity every update and delete refers to.
    public var id: String
    /// Upper-cased `content.ticker`.
    public var ticker: String
    public var name: String?
    public var exchange: String?
    public var isin: String?
    public var cusip: String?
    public var currency: String?
    /// `content.date` as given (`YYYY-MM-DD`, US Eastern).
    public var date: String?
    /// `content.time` as given (`HH:MM:SS`, US Eastern).
    public var time: String?
    public var actionCompany: String?
    public var actionPriceTarget: String?
    public var ratingCurrent: String?
    public var ratingPrior: String?
    public var priceTargetCurrent: Double?
    public var priceTargetPrior: Double?
    public var adjustedPriceTargetCurrent: Double?
    public var adjustedPriceTargetPrior: Double?
    /// Upstream's `analyst` field, which names the firm, not the person.
    public var firm: String?
    public var firmID: String?
    public var analystName: String?
    public var analystID: String?
    /// 0-5, from an integer or a numeric string.
    public var importance: Int?
    public var notes: String?
    public var url: String?
    public var urlCalendar: String?
    public var urlNews: String?
    /// `content.updated`, given in seconds or milliseconds upstream.
    public var updated: Timestamp?
    /// `data.timestamp`.
    public var timestamp: Timestamp?

    public init(id: String, ticker: String) {
        self.id = id
        self.ticker = ticker
    }
}
