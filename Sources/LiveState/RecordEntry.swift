import Synchronization

/// A rating or insight as the store holds it: its sort key, what queries filter on, and its
/// JSON rendered once when it was applied.
///
/// Built and rendered before the store's lock is taken (see `RecordEntry+Preparing.swift`),
/// then stamped with the sequence of the change that applies it, inside the lock, before it is
/// linked in where readers reach it. Otherwise immutable, so the ordered lists can share one
/// instance and readers may keep one after the writer has replaced it; an update makes a new
/// entry. The full `Rating` is not kept: the rendered bytes hold every field, and comparing them
/// tells a duplicate from a correction.
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
    /// `sequence`'s storage. Atomic only to stay `Sendable` without a lock of its own: the one
    /// write happens inside the store's lock before the entry is reachable, and that lock's
    /// release orders it before every read.
    private let stampedSequence = Atomic<UInt64>(0)

    /// A record that is not stamped yet.
    init(
        key: RecordKey, ticker: String, version: RecordVersion, action: RatingAction?, firm: String?, firmID: String?,
        importance: Int?, json: [UInt8]
    ) {
        self.key = key
        self.ticker = ticker
        self.version = version
        self.action = action
        self.firm = firm
        self.firmID = firmID
        self.importance = importance
        self.json = json
    }

    /// The store's change sequence when it was applied: the strong ETag of its document.
    var sequence: UInt64 { stampedSequence.load(ordering: .relaxed) }

    /// Stamps the record with the sequence of the change that applies it; the writer calls this
    /// once, inside the store's lock, before linking the record in.
    func stamp(_ sequence: UInt64) {
        stampedSequence.store(sequence, ordering: .relaxed)
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
