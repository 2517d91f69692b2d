/// A change with everything that does not depend on the store's state (rendering, above all)
/// done before the lock is taken.
enum PreparedChange: Sendable {
    /// A record, rendered and not yet stamped, and what it says about its security.
    case upsert(RecordKind, RecordEntry, facts: TickerFacts)
    case delete(RecordKind, id: String, version: RecordVersion)
    /// The consensus and its rendered document (which embeds `received_at`).
    case consensus(Consensus, json: [UInt8])

    /// Renders what the change will store; pure, so it runs outside the lock. Consumes the
    /// change, so its record's strings move rather than being retained and released again.
    init(_ change: consuming Change, receivedAt: Timestamp) {
        switch consume change {
        // A `deleted` action on a full record is a delete carrying the record's version.
        case .rating(.deleted, let rating):
            self = .delete(.rating, id: rating.id, version: RecordVersion(updated: rating.updated, timestamp: rating.timestamp))
        case .insight(.deleted, let insight):
            self = .delete(.insight, id: insight.id, version: RecordVersion(updated: insight.updated, timestamp: insight.timestamp))
        case .rating(_, let rating):
            let facts = TickerFacts(name: rating.name, exchange: rating.exchange, isin: rating.isin)
            self = .upsert(.rating, RecordEntry(rating), facts: facts)
        case .insight(_, let insight):
            let facts = TickerFacts(name: insight.name, exchange: insight.exchange, isin: insight.isin)
            self = .upsert(.insight, RecordEntry(insight), facts: facts)
        case .ratingDeleted(let id, let updated, let timestamp):
            self = .delete(.rating, id: id, version: RecordVersion(updated: updated, timestamp: timestamp))
        case .insightDeleted(let id, let updated, let timestamp):
            self = .delete(.insight, id: id, version: RecordVersion(updated: updated, timestamp: timestamp))
        case .consensus(let consensus):
            self = .consensus(consensus, json: consensus.renderedJSON(receivedAt: receivedAt))
        }
    }
}
