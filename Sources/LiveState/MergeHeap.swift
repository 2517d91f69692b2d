/// A binary max-heap of list heads by key, for merging per-ticker lists newest first.
struct MergeHeap {
    /// The current newest unvisited entry of one list.
    struct Head {
        var entry: RecordEntry
        var list: Int
        var position: Int
    }

    private var heads: [Head] = []

    /// Adds a list head.
    mutating func push(_ head: Head) {
        heads.append(head)
        var child = heads.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heads[parent].entry.key < heads[child].entry.key else { break }
            heads.swapAt(parent, child)
            child = parent
        }
    }

    /// Removes and returns the head with the greatest key.
    mutating func popNewest() -> Head? {
        guard !heads.isEmpty else { return nil }
        heads.swapAt(0, heads.count - 1)
        let newest = heads.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var largest = parent
            if left < heads.count, heads[largest].entry.key < heads[left].entry.key { largest = left }
            if right < heads.count, heads[largest].entry.key < heads[right].entry.key { largest = right }
            if largest == parent { break }
            heads.swapAt(parent, largest)
            parent = largest
        }
        return newest
    }
}
