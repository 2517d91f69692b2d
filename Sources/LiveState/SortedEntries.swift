/// Binary search over an array of entries kept in ascending key order (oldest first).
extension Array where Element == RecordEntry {
    /// The first index whose key is not less than `key` (where `key` would be inserted).
    func lowerBound(of key: RecordKey) -> Int {
        // A live feed inserts mostly the newest record and evicts the oldest: try both ends
        // before searching (one comparison each, where a search takes log2(500) = 9).
        guard let last, last.sorts(before: key) == false else { return count }
        if self[0].sorts(before: key) == false { return 0 }
        var low = 1
        var high = count - 1
        while low < high {
            let middle = (low &+ high) >> 1
            if self[middle].sorts(before: key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Inserts an entry at its place in key order.
    mutating func insertSorted(_ entry: RecordEntry) {
        insert(entry, at: lowerBound(of: entry.key))
    }

    /// Removes the entry with this key; false when none has it.
    @discardableResult
    mutating func removeSorted(key: RecordKey) -> Bool {
        let index = lowerBound(of: key)
        guard index < count, self[index].key == key else { return false }
        remove(at: index)
        return true
    }

    /// Inserts an entry at its place in key order and, when that makes more than `limit`,
    /// removes and returns the oldest (which may be the new entry).
    mutating func insertSorted(_ entry: RecordEntry, evictingOldestAbove limit: Int) -> RecordEntry? {
        insertSorted(entry)
        return count > limit ? removeFirst() : nil
    }

    /// Removes the entry with this key; true when that left the array empty, so the caller
    /// can drop it in the same pass.
    mutating func removeSortedLeavingEmpty(key: RecordKey) -> Bool {
        removeSorted(key: key) && isEmpty
    }
}
