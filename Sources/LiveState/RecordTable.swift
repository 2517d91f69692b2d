/// The recent records of one kind (ratings or insights): by id, in key order overall and per
/// ticker, bounded per ticker and overall.
///
/// Eviction always drops the oldest by key: first the ticker's oldest when the ticker is over
/// its bound, then the global oldest when the total is over its bound, each found in O(log n)
/// (the first entry of a sorted list), never by a scan.
struct RecordTable: Sendable {
    /// Most records kept per ticker.
    let perTickerLimit: Int
    /// Most records kept overall.
    let overallLimit: Int
    private(set) var byID = RecordsByID()
    private(set) var index = RecordIndex()

    /// An empty table with its bounds.
    init(perTickerLimit: Int, overallLimit: Int) {
        self.perTickerLimit = perTickerLimit
        self.overallLimit = overallLimit
    }

    /// Records held.
    var count: Int { byID.count }

    /// How many records a ticker holds.
    func count(ticker: String) -> Int { index.byTicker[ticker]?.count ?? 0 }

    /// A ticker's newest records, newest first.
    func latest(ticker: String, limit: Int) -> ArraySlice<RecordEntry> {
        guard let list = index.byTicker[ticker] else { return [] }
        return list.suffix(limit)
    }

    /// Whether a record not yet held would be evicted the moment it was inserted: it is older
    /// than everything kept in a ticker or a store that is full. Applying it would change nothing.
    func wouldBeEvictedAtOnce(key: RecordKey, ticker: String) -> Bool {
        if let list = index.byTicker[ticker], list.count >= perTickerLimit, let oldest = list.first,
           key < oldest.key {
            return true
        }
        if index.ordered.count >= overallLimit, let oldest = index.ordered.oldest, key < oldest.key {
            return true
        }
        return false
    }

    /// Inserts a record, replacing the one with its id if held; returns the records evicted to
    /// stay within bounds (possibly including the new one, when an update moved it to a full
    /// ticker as that ticker's oldest).
    mutating func upsert(_ entry: RecordEntry) -> [RecordEntry] {
        if let old = byID.updateValue(entry) { unindex(old) }
        index.ordered.insert(entry)
        var evicted: [RecordEntry] = []
        // One lookup of the ticker's list, changed in place: no copy of it may be held across
        // the change, which would make the change copy the whole list.
        if let oldest = index.byTicker[entry.ticker, default: []].insertSorted(entry, evictingOldestAbove: perTickerLimit) {
            // The ticker keeps at least the new record, so its list stays.
            byID.removeValue(forID: oldest.id)
            index.ordered.remove(key: oldest.key)
            evicted.append(oldest)
        }
        while index.ordered.count > overallLimit, let oldest = index.ordered.oldest {
            remove(oldest)
            evicted.append(oldest)
        }
        return evicted
    }

    /// Removes a held record from every view.
    mutating func remove(_ entry: RecordEntry) {
        byID.removeValue(forID: entry.id)
        unindex(entry)
    }

    /// Removes a record from the ordered views only.
    private mutating func unindex(_ entry: RecordEntry) {
        index.ordered.remove(key: entry.key)
        if index.byTicker[entry.ticker]?.removeSortedLeavingEmpty(key: entry.key) == true {
            index.byTicker[entry.ticker] = nil
        }
    }
}
