/// Everything the HTTP API reads from the live state. Each call is a short, consistent read:
/// it never sees half of a change and never waits for a slow writer.
public protocol StoreReading: AnyObject, Sendable {
    /// `GET /consensus/{ticker}`: the consensus document of an upper-cased ticker.
    func consensusDocument(ticker: String) -> Document?
    /// `GET /ratings/{id}`.
    func ratingDocument(id: String) -> Document?
    /// `GET /insights/{id}`.
    func insightDocument(id: String) -> Document?
    /// `GET /ratings`: recent ratings matching the query, newest first.
    func ratings(_ query: RecordQuery) -> RecordPage
    /// `GET /insights`: recent insights matching the query, newest first.
    func insights(_ query: RecordQuery) -> RecordPage
    /// `GET /tickers`: every known ticker with name, exchange, last update and counts.
    func tickersDocument() -> Document
    /// `GET /tickers/{ticker}`: consensus, latest ratings and insights of one ticker.
    func tickerDocument(ticker: String) -> Document?
    /// Whether the upper-cased ticker has any consensus, rating or insight.
    func knowsTicker(_ ticker: String) -> Bool
    /// Counters per source, sizes, and the most recent dead letters, for `/status`.
    func statistics() -> StoreStatistics
}
