/// Building the event of an applied change, inside the store's lock (where the sequence and a
/// deleted record's ticker are known); everything costly was rendered before the lock.
extension StoreEvent {
    /// The event of `change`, applied as `sequence`; `deletedTicker` is the ticker the deleted
    /// record had (looked up before the delete). Nil for a delete whose ticker is unknown.
    init?(_ change: PreparedChange, sequence: UInt64, deletedTicker: String?, receivedAt: Timestamp) {
        switch change {
        case .upsert(let kind, let record, _):
            self.init(
                sequence: sequence, kind: kind == .rating ? .rating : .insight, ticker: record.ticker,
                importance: record.importance, document: record.json)
        case .consensus(let consensus, let json):
            self.init(sequence: sequence, kind: .consensus, ticker: consensus.ticker, importance: nil, document: json)
        case .delete(let kind, let id, let version):
            guard let ticker = deletedTicker else { return nil }
            self.init(
                sequence: sequence, kind: kind == .rating ? .ratingDeleted : .insightDeleted, ticker: ticker,
                importance: nil,
                document: Self.deletionDocument(id: id, ticker: ticker, version: version, receivedAt: receivedAt))
        }
    }

    /// `{"id":…,"ticker":…,"updated_at":…,"timestamp":…,"deleted_at":…}`: what a client needs to
    /// drop the record; `updated_at` and `timestamp` are the delete's version (null when upstream
    /// sent none), `deleted_at` when ratingsd applied it.
    static func deletionDocument(id: String, ticker: String, version: RecordVersion, receivedAt: Timestamp) -> [UInt8] {
        var json = JSONWriter(capacity: 160)
        json.raw("{\"id\":"); json.string(id)
        json.raw(",\"ticker\":"); json.string(ticker)
        json.raw(",\"updated_at\":"); json.timestamp(version.updated)
        json.raw(",\"timestamp\":"); json.timestamp(version.timestamp)
        json.raw(",\"deleted_at\":"); json.timestamp(receivedAt)
        json.byte(UInt8(ascii: "}"))
        return json.bytes
    }

    /// The ticker of the record a delete change removes, before it is removed.
    static func tickerDeleted(by change: PreparedChange, in state: StoreState) -> String? {
        guard case .delete(let kind, let id, _) = change else { return nil }
        switch kind {
        case .rating: return state.ratings.byID[id]?.ticker
        case .insight: return state.insights.byID[id]?.ticker
        }
    }
}
