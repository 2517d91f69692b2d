/// A rating or insight made ready for the store before the lock is taken: its key, filter
/// fields and rendered JSON, so the critical section only links it in.
struct PreparedRecord: Sendable {
    /// Where the record sorts.
    var key: RecordKey
    /// Upper-cased ticker.
    var ticker: String
    /// `updated`, `timestamp`: what staleness is judged by.
    var version: RecordVersion
    /// Normalised action, for the `actions` filter.
    var action: RatingAction?
    /// Firm name, for the `firm` filter.
    var firm: String?
    /// Firm id, for the `firm` filter.
    var firmID: String?
    /// 0-5, for the `minImportance` filter; insights have none.
    var importance: Int?
    /// The record's JSON object.
    var json: [UInt8]
    /// What the record says about its security, for the ticker's metadata.
    var facts: TickerFacts

    /// The record id.
    var id: String { key.id }

    /// Prepares a rating: normalises and renders it.
    init(_ rating: consuming Rating) {
        key = RecordKey(
            date: rating.date, time: rating.time, updated: rating.updated,
            timestamp: rating.timestamp, id: rating.id)
        ticker = rating.ticker
        version = RecordVersion(updated: rating.updated, timestamp: rating.timestamp)
        action = RatingAction(normalizing: rating.actionCompany)
        firm = rating.firm
        firmID = rating.firmID
        importance = rating.importance
        json = rating.renderedJSON(action: action)
        facts = TickerFacts(name: rating.name, exchange: rating.exchange, isin: rating.isin)
    }

    /// Prepares an insight: normalises and renders it.
    init(_ insight: consuming Insight) {
        // Insights have a date but no time of day; the empty time sorts them by date, then
        // by `updated` within the day.
        key = RecordKey(
            date: insight.date, time: nil, updated: insight.updated,
            timestamp: insight.timestamp, id: insight.id)
        ticker = insight.ticker
        version = RecordVersion(updated: insight.updated, timestamp: insight.timestamp)
        action = RatingAction(normalizing: insight.action)
        firm = insight.firm
        firmID = insight.firmID
        importance = nil
        json = insight.renderedJSON()
        facts = TickerFacts(name: insight.name, exchange: insight.exchange, isin: insight.isin)
    }
}
