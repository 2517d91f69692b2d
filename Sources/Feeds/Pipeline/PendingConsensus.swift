import LiveState

/// Consensus messages waiting for the store to learn their ISIN, oldest first, bounded by
/// `PendingISINLimits`.
///
/// Pure bookkeeping: the pipeline decides what to hold and what to do with what comes out.
/// Messages keep their raw bytes (they are decoded again once the ISIN is known) and their
/// arrival order, also across ISINs, so eviction and expiry always take the oldest.
struct PendingConsensus: Sendable {
    /// One held message.
    struct Entry: Sendable, Equatable {
        /// The ISIN the message waits for (upper-case, checked).
        var isin: String
        /// The message as it arrived.
        var bytes: [UInt8]
        /// The subscription of the connection it arrived on.
        var subscription: FeedSubscription
        /// When it arrived; also what its age is measured from.
        var receivedAt: Timestamp
    }

    /// The bounds.
    let limits: PendingISINLimits
    /// Held messages in arrival order.
    private(set) var entries: [Entry] = []
    /// Held messages per ISIN, so "is anything waiting for this ISIN" is one lookup.
    private var counts: [String: Int] = [:]

    /// An empty list bounded by `limits`.
    init(limits: PendingISINLimits) {
        self.limits = limits
    }

    /// Messages held.
    var count: Int { entries.count }

    /// Holds `entry`; the entries evicted to make room, oldest first (with a zero limit, the
    /// entry itself).
    mutating func hold(_ entry: Entry) -> [Entry] {
        guard limits.maxMessages > 0 else { return [entry] }
        var evicted: [Entry] = []
        while entries.count >= limits.maxMessages { evicted.append(removeFirst()) }
        entries.append(entry)
        counts[entry.isin, default: 0] += 1
        return evicted
    }

    /// Takes every message waiting for `isin`, in arrival order.
    mutating func release(_ isin: String) -> [Entry] {
        guard counts.removeValue(forKey: isin) != nil else { return [] }
        var released: [Entry] = []
        entries.removeAll { entry in
            guard entry.isin == isin else { return false }
            released.append(entry)
            return true
        }
        return released
    }

    /// Takes every message received more than `maxAge` before `now`, oldest first.
    mutating func expire(now: Timestamp) -> [Entry] {
        let cutoff = now.millisecondsSinceEpoch - Self.milliseconds(limits.maxAge)
        var expired: [Entry] = []
        while let first = entries.first, first.receivedAt.millisecondsSinceEpoch < cutoff { expired.append(removeFirst()) }
        return expired
    }

    private mutating func removeFirst() -> Entry {
        let entry = entries.removeFirst()
        if let left = counts[entry.isin], left > 1 { counts[entry.isin] = left - 1 } else { counts[entry.isin] = nil }
        return entry
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
