/// The ordered views of one kind of record that queries read: all records in key order, and
/// each ticker's records in key order.
///
/// A value type of copy-on-write collections, so a query takes a consistent copy under the
/// lock in constant time and scans it without holding the lock.
struct RecordIndex: Sendable {
    /// All records, ascending.
    var ordered = OrderedRecords()
    /// Each ticker's records, ascending (oldest first); a ticker with none has no entry.
    var byTicker: [String: [RecordEntry]] = [:]
}
