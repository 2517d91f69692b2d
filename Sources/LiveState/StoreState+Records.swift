/// The apply rules for ratings and insights (one set of rules, two tables).
extension StoreState {
    /// What a record change did inside its table, before the ticker bookkeeping.
    private enum TableResult {
        case refused(ApplyOutcome)
        /// Applied to a record of `ticker`; `previousTicker` is the ticker the record had before
        /// (an update may move it), `evicted` what went to make room.
        case changed(ticker: String, previousTicker: String?, evicted: [RecordEntry])
    }

    /// Creates or updates a record (stamping it with the change's sequence when it applies).
    ///
    /// Stale: older than the held version; or, for an id not held, not newer than a remembered
    /// delete of it, or so old that a full ticker or store would evict it at once. Duplicate:
    /// the held record rendered byte for byte the same (same version, same content). Anything
    /// else replaces what is held, including a different record at the same version (upstream
    /// corrected it) and one whose version cannot be compared (arrival order wins).
    mutating func upsert(_ record: RecordEntry, facts: TickerFacts, kind: RecordKind, receivedAt: Timestamp) -> ApplyOutcome {
        let sequence = self.sequence + 1
        let result = withRecords(kind) { table, deleted -> TableResult in
            let held = table.byID[record.id]
            if let held {
                if record.version.order(comparedTo: held.version) == .older { return .refused(.stale) }
                if held.json == record.json { return .refused(.duplicate) }
            } else {
                if table.wouldBeEvictedAtOnce(key: record.key, ticker: record.ticker) { return .refused(.stale) }
                if let tombstone = deleted.version(of: record.id) {
                    if record.version.order(comparedTo: tombstone) != .newer { return .refused(.stale) }
                    deleted.forget(record.id)
                }
            }
            record.stamp(sequence)
            let evicted = table.upsert(record)
            return .changed(ticker: record.ticker, previousTicker: held?.ticker, evicted: evicted)
        }
        return finish(result, facts: facts, receivedAt: receivedAt)
    }

    /// Deletes a record.
    ///
    /// A delete that carries a version older than the held record is stale: the record was
    /// updated after the delete was issued. A delete without a version always applies. Every
    /// delete, even of an unknown id (which arrives before its create when messages cross), is
    /// remembered with the newest version it stands for, so the record cannot come back unless
    /// upstream sends a newer version of it.
    mutating func delete(_ id: String, version: RecordVersion, kind: RecordKind, receivedAt: Timestamp) -> ApplyOutcome {
        let result = withRecords(kind) { table, deleted -> TableResult in
            let tombstone = deleted.version(of: id).map { $0.merged(with: version) } ?? version
            guard let held = table.byID[id] else {
                deleted.remember(id, version: tombstone)
                return .refused(.unknownDelete)
            }
            if version.order(comparedTo: held.version) == .older { return .refused(.stale) }
            table.remove(held)
            deleted.remember(id, version: tombstone.merged(with: held.version))
            return .changed(ticker: held.ticker, previousTicker: nil, evicted: [])
        }
        return finish(result, facts: TickerFacts(), receivedAt: receivedAt)
    }

    /// Completes an applied change: takes its sequence number (the one its record was stamped
    /// with), notes the ticker's facts and re-renders every ticker it touched (the record's, the
    /// one the record left, those that lost a record to eviction).
    private mutating func finish(_ result: TableResult, facts: TickerFacts, receivedAt: Timestamp) -> ApplyOutcome {
        switch result {
        case .refused(let outcome):
            return outcome
        case .changed(let ticker, let previousTicker, let evicted):
            let sequence = nextSequence()
            noteChange(of: ticker, facts: facts, at: receivedAt)
            // Each touched ticker once, without building a list of them for the common case of
            // one ticker (the record's own, which is also the one eviction took from).
            refreshTicker(ticker, sequence: sequence)
            let moved = previousTicker.flatMap { $0 == ticker ? nil : $0 }
            if let moved { refreshTicker(moved, sequence: sequence) }
            for (position, entry) in evicted.enumerated()
            where entry.ticker != ticker && entry.ticker != moved
                && !evicted[..<position].contains(where: { $0.ticker == entry.ticker }) {
                refreshTicker(entry.ticker, sequence: sequence)
            }
            return .applied(sequence: sequence)
        }
    }

    /// Lends the table and the deleted ids of one kind for mutation in place (a computed copy
    /// would share their buffers and make the first write copy 100 000 records).
    private mutating func withRecords<Result>(
        _ kind: RecordKind, _ body: (inout RecordTable, inout DeletedIDs) -> Result
    ) -> Result {
        switch kind {
        case .rating: body(&ratings, &deletedRatings)
        case .insight: body(&insights, &deletedInsights)
        }
    }
}
