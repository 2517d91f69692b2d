/// One event loop's subscribed streams: a dense array to walk, and each connection's index in
/// it for removal in constant time (the last entry moves into the gap).
struct BroadcastSubscribers {
    /// One subscribed stream.
    struct Entry {
        /// Unretained: the loop removes the entry (`unsubscribe`) before it lets go of the
        /// connection (`close` and `endStream` both do), and walking thousands of entries per
        /// event should not touch each connection's reference count, nor look it up by slot.
        unowned(unsafe) let connection: Connection
        let receiver: any HTTPBroadcastReceiver
        /// When bytes were last delivered to it, for the heartbeat.
        var lastSent: Int64
    }

    private(set) var entries: [Entry] = []
    private var indices: [ConnectionID: Int] = [:]

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    subscript(index: Int) -> Entry { entries[index] }

    mutating func add(_ entry: Entry) {
        indices[entry.connection.id] = entries.count
        entries.append(entry)
    }

    /// Removes `connection`'s entry; returns whether it had one.
    @discardableResult
    mutating func remove(_ connection: ConnectionID) -> Bool {
        guard let index = indices.removeValue(forKey: connection) else { return false }
        let last = entries.removeLast()
        if index < entries.count {
            entries[index] = last
            indices[last.connection.id] = index
        }
        return true
    }

    mutating func touch(_ index: Int, at now: Int64) {
        entries[index].lastSent = now
    }
}
