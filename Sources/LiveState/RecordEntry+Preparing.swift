/// Making a rating or insight ready for the store before the lock is taken: its key, filter
/// fields and rendered JSON, so the critical section only stamps and links it in.
///
/// The entry is built straight from the consumed value: an intermediate prepared struct was
/// copied into the entry inside the lock and again into the change's event (each copy retains
/// every string it holds, each destruction releases them).
extension RecordEntry {
    /// Prepares a rating: normalises and renders it.
    convenience init(_ rating: consuming Rating) {
        let action = RatingAction(normalizing: rating.actionCompany)
        let json = rating.renderedJSON(action: action)
        self.init(
            key: RecordKey(date: rating.date, time: rating.time, updated: rating.updated, timestamp: rating.timestamp, id: rating.id),
            ticker: rating.ticker, version: RecordVersion(updated: rating.updated, timestamp: rating.timestamp),
            action: action, firm: rating.firm, firmID: rating.firmID, importance: rating.importance, json: json)
    }

    /// Prepares an insight: normalises and renders it.
    convenience init(_ insight: consuming Insight) {
        let json = insight.renderedJSON()
        // Insights have a date but no time of day; the empty time sorts them by date, then
        // by `updated` within the day.
        self.init(
            key: RecordKey(date: insight.date, time: nil, updated: insight.updated, timestamp: insight.timestamp, id: insight.id),
            ticker: insight.ticker, version: RecordVersion(updated: insight.updated, timestamp: insight.timestamp),
            action: RatingAction(normalizing: insight.action), firm: insight.firm, firmID: insight.firmID, importance: nil,
            json: json)
    }
}
