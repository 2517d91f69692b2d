/// A binary min-heap of connection deadlines for one event loop.
///
/// Entries are never removed early: a connection keeps at most one live entry (the one whose
/// deadline it remembers) and pushes a new one only when its deadline moves earlier. A popped
/// entry that no longer matches is dropped, and one whose connection's deadline moved later is
/// pushed again. Keep-alive traffic therefore touches the heap about once per head timeout per
/// connection, not once per request.
struct DeadlineQueue {
    /// One scheduled wakeup for one connection.
    struct Entry: Equatable {
        var deadline: Int64
        var connection: ConnectionID
    }

    private var heap: [Entry] = []

    /// Whether no entry is queued.
    var isEmpty: Bool { heap.isEmpty }
    /// Entries queued, stale ones included.
    var count: Int { heap.count }

    /// The earliest deadline, if any.
    var earliest: Int64? { heap.first?.deadline }

    /// Adds an entry (O(log n)).
    mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry if its deadline is at or before `now`.
    mutating func popExpired(at now: Int64) -> Entry? {
        guard let first = heap.first, first.deadline <= now else { return nil }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
            if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }

    /// Drops every entry.
    mutating func removeAll() { heap.removeAll() }
}
