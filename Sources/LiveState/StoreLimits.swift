/// Every bound the store keeps, with the defaults of issue 2. Memory is bounded by these and by
/// the number of distinct tickers upstream covers (a ticker is forgotten once it holds no
/// rating, insight or consensus).
public struct StoreLimits: Sendable, Equatable {
    /// Recent ratings kept per ticker; the oldest (by date, time, updated, id) go first.
    public var ratingsPerTicker: Int
    /// Recent ratings kept overall; beyond it the globally oldest go first.
    public var ratingsOverall: Int
    /// Recent insights kept per ticker.
    public var insightsPerTicker: Int
    /// Recent insights kept overall.
    public var insightsOverall: Int
    /// Dead letters kept for `/status`, newest first (all are counted).
    public var deadLettersKept: Int
    /// Envelope ids remembered per source for duplicate detection (oldest forgotten first).
    public var envelopeIDsRemembered: Int
    /// Deleted record ids remembered per kind, so a late replay cannot resurrect them.
    public var deletedIDsRemembered: Int
    /// Latest ratings and latest insights embedded in a ticker's document.
    public var latestInTickerDocument: Int
    /// The largest page a query returns, whatever limit it asks for.
    public var maxPageSize: Int

    /// The defaults: 500 per ticker and 100 000 overall for ratings and insights alike, 1 000
    /// dead letters, 100 000 envelope ids and deleted ids, 10 latest items, pages of 1 000.
    public init(
        ratingsPerTicker: Int = 500, ratingsOverall: Int = 100_000,
        insightsPerTicker: Int = 500, insightsOverall: Int = 100_000,
        deadLettersKept: Int = 1_000, envelopeIDsRemembered: Int = 100_000,
        deletedIDsRemembered: Int = 100_000, latestInTickerDocument: Int = 10,
        maxPageSize: Int = 1_000
    ) {
        // Every bound is at least 1 (0 in the lists kept only for display): a store that can
        // hold nothing would count every change as applied and show none of them.
        self.ratingsPerTicker = max(1, ratingsPerTicker)
        self.ratingsOverall = max(1, ratingsOverall)
        self.insightsPerTicker = max(1, insightsPerTicker)
        self.insightsOverall = max(1, insightsOverall)
        self.deadLettersKept = max(0, deadLettersKept)
        self.envelopeIDsRemembered = max(0, envelopeIDsRemembered)
        self.deletedIDsRemembered = max(0, deletedIDsRemembered)
        self.latestInTickerDocument = max(0, latestInTickerDocument)
        self.maxPageSize = max(1, maxPageSize)
    }
}
