/// Every held record of one kind in ascending key order: a list of sorted blocks.
///
/// One flat sorted array of 100 000 records would move most of them on every insert; blocks of
/// at most `blockCapacity` bound an insert or removal to one block (plus the short outer array
/// on a split or merge), and the globally oldest record, the one eviction wants, is the first
/// of the first block. It is a value type: a reader copies it under the lock and scans the copy
/// outside; the writer's next change then copies only the outer array and the block it touches.
struct OrderedRecords: Sendable {
    /// Most entries in one block; a fuller block splits in two.
    static let blockCapacity = 512

    private(set) var blocks: [[RecordEntry]] = []
    private(set) var count = 0

    /// The record with the smallest key.
    var oldest: RecordEntry? { blocks.first?.first }

    /// The block that holds or would hold `key`: the first whose last key is not less than it,
    /// else the last block.
    private func blockIndex(for key: RecordKey) -> Int {
        // The newest key, the commonest by far in a live feed, belongs to the last block.
        let lastBlock = blocks.count - 1
        if blocks[lastBlock].count > 0, blocks[lastBlock][0].sorts(before: key) { return lastBlock }
        var low = 0
        var high = blocks.count
        while low < high {
            let middle = (low &+ high) >> 1
            if blocks[middle][blocks[middle].count - 1].sorts(before: key) { low = middle + 1 } else { high = middle }
        }
        return Swift.min(low, blocks.count - 1)
    }

    /// Inserts an entry whose key is not yet present.
    mutating func insert(_ entry: RecordEntry) {
        count += 1
        guard !blocks.isEmpty else {
            blocks.append([entry])
            return
        }
        let index = blockIndex(for: entry.key)
        blocks[index].insertSorted(entry)
        if blocks[index].count > Self.blockCapacity {
            let half = blocks[index].count / 2
            let upper = Array(blocks[index][half...])
            blocks[index].removeSubrange(half...)
            blocks.insert(upper, at: index + 1)
        }
    }

    /// Removes the entry with this key; false when none has it.
    @discardableResult
    mutating func remove(key: RecordKey) -> Bool {
        guard !blocks.isEmpty else { return false }
        let index = blockIndex(for: key)
        guard blocks[index].removeSorted(key: key) else { return false }
        count -= 1
        compact(at: index)
        return true
    }

    /// Removes and returns the record with the smallest key.
    mutating func removeOldest() -> RecordEntry? {
        guard !blocks.isEmpty else { return nil }
        let entry = blocks[0].removeFirst()
        count -= 1
        compact(at: 0)
        return entry
    }

    /// Drops an empty block, or folds a block under a quarter full into its successor when both
    /// fit in one, so deletes cannot leave thousands of tiny blocks behind.
    private mutating func compact(at index: Int) {
        if blocks[index].isEmpty {
            blocks.remove(at: index)
            return
        }
        guard blocks[index].count < Self.blockCapacity / 4, index + 1 < blocks.count,
              blocks[index].count + blocks[index + 1].count <= Self.blockCapacity else { return }
        let next = blocks.remove(at: index + 1)
        blocks[index].append(contentsOf: next)
    }

    /// Calls `body` with each record whose key is below `bound` (all when nil), newest first,
    /// until it returns false.
    func forEachDescending(below bound: RecordKey?, _ body: (RecordEntry) -> Bool) {
        guard !blocks.isEmpty else { return }
        var blockIndex = blocks.count - 1
        var entryIndex = blocks[blockIndex].count - 1
        if let bound {
            blockIndex = self.blockIndex(for: bound)
            entryIndex = blocks[blockIndex].lowerBound(of: bound) - 1
        }
        while blockIndex >= 0 {
            let block = blocks[blockIndex]
            while entryIndex >= 0 {
                if !body(block[entryIndex]) { return }
                entryIndex -= 1
            }
            blockIndex -= 1
            if blockIndex >= 0 { entryIndex = blocks[blockIndex].count - 1 }
        }
    }
}
