import LiveState

/// Holding, releasing and expiring consensus messages that wait for their ISIN.
extension FeedPipeline {
    /// Drops every held message older than the limit as a dead letter saying so; the consumer
    /// threads call this between messages too, so a quiet feed still expires what it holds.
    public func expirePending(now: Timestamp) {
        let expired = pending.withLock { list in
            defer { pendingCount.store(list.count, ordering: .relaxed) }
            return list.expire(now: now)
        }
        guard !expired.isEmpty else { return }
        let seconds = pending.withLock { $0.limits.maxAge.components.seconds }
        for entry in expired {
            deadLetter(entry, reason: "consensus message names ISIN \(entry.isin), which no rating or insight tied to a ticker within \(seconds) s of its arrival")
        }
    }

    /// Holds `entry` until its ISIN is known; false when the limit is 0 and it was refused
    /// with `failure` instead. Messages evicted to make room become dead letters.
    func hold(_ entry: PendingConsensus.Entry, failure: DecodeFailure) -> Bool {
        let (evicted, limit) = pending.withLock { list in
            defer { pendingCount.store(list.count, ordering: .relaxed) }
            return (list.hold(entry), list.limits.maxMessages)
        }
        guard limit > 0 else {
            deadLetter(entry, reason: failure.reason)
            return false
        }
        for old in evicted {
            deadLetter(old, reason: "consensus message names ISIN \(old.isin), which no rating or insight tied to a ticker before \(limit) newer such messages arrived (evicted, oldest first)")
        }
        return true
    }

    /// Applies, in arrival order, every message that waited for `isin`, once the store knows it.
    func releasePending(_ isin: String) {
        guard store.ticker(forISIN: isin) != nil else { return }
        let released = pending.withLock { list in
            defer { pendingCount.store(list.count, ordering: .relaxed) }
            return list.release(isin)
        }
        for entry in released {
            entry.bytes.withUnsafeBufferPointer { bytes in
                _ = ingest(bytes, source: .consensus, subscription: entry.subscription, receivedAt: entry.receivedAt)
            }
        }
    }

    private func deadLetter(_ entry: PendingConsensus.Entry, reason: String) {
        entry.bytes.withUnsafeBufferPointer { deadLetter($0, source: .consensus, reason: reason, receivedAt: entry.receivedAt) }
    }
}
