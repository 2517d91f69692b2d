/// A rating or insight as the store holds it: its sort key, what queries filter on, and its
/// JSON rendered once when it was applied.
///
/// Immutable, so the ordered lists can share one instance and readers may keep one after the
/// writer has replaced it; an update makes a new entry. The full `Rating` is not kept: the
/// rendered bytes hold every field, and comparing them tells a duplicate from a correction.
final class RecordEntry: Sendable {
    /// Where the record sorts.
    let key: RecordKey
    /// Upper-cased ticker.
    let ticker: String
    /// What staleness is judged by.
    let version: RecordVersion
    /// Normalised action, for the `actions` filter.
    let action: RatingAction?
    /// Firm name, for the `firm` filter.
    let firm: String?
    /// Firm id, for the `firm` filter.
    let firmID: String?
    /// For the `minImportance` filter.
    let importance: Int?
    /// The record's JSON object.
    let json: [UInt8]
    /// The store's change sequence when it was applied: the strong ETag of its document.
    let sequence: UInt64

    /// Stamps a prepared record with the sequence of the change that applies it.
    init(_ prepared: PreparedRecord, sequence: UInt64) {
        key = prepared.key
        ticker = prepared.ticker
        version = prepared.version
        action = prepared.action
        firm = prepared.firm
        firmID = prepared.firmID
        importance = prepared.importance
        json = prepared.json
        self.sequence = sequence
    }

    /// The record id.
    var id: String { key.id }

    /// Whether this record's key is below `other`, deciding on the integer parts first so the
    /// usual comparison copies no strings out of the key (binary searches run this a lot).
    @inline(__always)
    func sorts(before other: RecordKey) -> Bool {
        let rank = key.rank
        if rank != other.rank { return rank < other.rank }
        let order = key.orderMilliseconds
        if rank != 0, order != other.orderMilliseconds { return order < other.orderMilliseconds }
        return key < other
    }

    /// `updated`, else `timestamp`: the instant `since` and `until` filter on.
    var instant: Timestamp? { version.updated ?? version.timestamp }

    /// The record's document for `GET /ratings/{id}` or `GET /insights/{id}`.
    var document: Document { Document(json: json, version: sequence) }
}
