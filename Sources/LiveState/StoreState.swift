/// Everything the store holds, mutated only inside `Store`'s lock by the one writer.
///
/// Each `apply` is one critical section: decide, link the pre-rendered record in, evict,
/// re-render the ticker documents it touched, count. A reader therefore sees a change entirely
/// or not at all, and every document carries the sequence of the change that last altered it.
struct StoreState: Sendable {
    /// The bounds kept.
    let limits: StoreLimits
    /// The number of changes applied so far; documents are versioned by it.
    private(set) var sequence: UInt64 = 0
    /// Recent ratings.
    var ratings: RecordTable
    /// Recent insights.
    var insights: RecordTable
    /// The latest consensus per ticker.
    var consensus: [String: ConsensusSlot] = [:]
    /// Every ticker holding a rating, insight or consensus.
    var tickers: [String: TickerInfo] = [:]
    /// ISIN to ticker, from every record seen.
    var tickerByISIN: [String: String] = [:]
    private var counters = [SourceCounters](repeating: SourceCounters(), count: FeedSource.allCases.count)
    private var envelopes: [EnvelopeMemory]
    /// Ratings deleted lately.
    var deletedRatings: DeletedIDs
    /// Insights deleted lately.
    var deletedInsights: DeletedIDs
    /// The latest dead letters.
    var deadLetters: BoundedFIFO<DeadLetter>
    /// The last rendering of `GET /tickers` and the sequence it reflects.
    var tickersList: (document: Document, sequence: UInt64)?

    /// An empty state with its bounds.
    init(limits: StoreLimits, sequence: UInt64 = 0) {
        self.limits = limits
        self.sequence = sequence
        ratings = RecordTable(perTickerLimit: limits.ratingsPerTicker, overallLimit: limits.ratingsOverall)
        insights = RecordTable(perTickerLimit: limits.insightsPerTicker, overallLimit: limits.insightsOverall)
        envelopes = FeedSource.allCases.map { _ in EnvelopeMemory(capacity: limits.envelopeIDsRemembered) }
        deletedRatings = DeletedIDs(capacity: limits.deletedIDsRemembered)
        deletedInsights = DeletedIDs(capacity: limits.deletedIDsRemembered)
        deadLetters = BoundedFIFO(capacity: limits.deadLettersKept)
    }

    /// Applies one prepared message and counts its outcome against its source.
    mutating func apply(
        _ change: PreparedChange, source: FeedSource, envelopeID: String?, receivedAt: Timestamp
    ) -> ApplyOutcome {
        let slot = Self.slot(of: source)
        counters[slot].lastMessageAt = receivedAt
        let outcome: ApplyOutcome
        if let envelopeID, !envelopes[slot].insert(envelopeID) {
            outcome = .duplicate
        } else {
            switch change {
            case .upsert(let kind, let record, let facts): outcome = upsert(record, facts: facts, kind: kind, receivedAt: receivedAt)
            case .delete(let kind, let id, let version): outcome = delete(id, version: version, kind: kind, receivedAt: receivedAt)
            case .consensus(let value, let json): outcome = replaceConsensus(value, json: json, receivedAt: receivedAt)
            }
        }
        switch outcome {
        case .applied: counters[slot].applied += 1
        case .duplicate: counters[slot].duplicates += 1
        case .stale: counters[slot].stale += 1
        case .unknownDelete: counters[slot].unknownDeletes += 1
        }
        return outcome
    }

    /// Keeps a dead letter (newest first, bounded) and counts it.
    mutating func recordDeadLetter(_ letter: DeadLetter) {
        let slot = Self.slot(of: letter.source)
        counters[slot].deadLetters += 1
        counters[slot].lastMessageAt = letter.receivedAt
        deadLetters.append(letter)
    }

    /// A consistent copy of the counters and sizes.
    var statistics: StoreStatistics {
        var sources: [FeedSource: SourceCounters] = [:]
        for source in FeedSource.allCases { sources[source] = counters[Self.slot(of: source)] }
        return StoreStatistics(
            sources: sources, tickerCount: tickers.count, ratingCount: ratings.count,
            insightCount: insights.count, consensusCount: consensus.count,
            recentDeadLetters: deadLetters.newestFirst)
    }

    /// Starts the next change and returns its sequence number.
    mutating func nextSequence() -> UInt64 {
        sequence += 1
        return sequence
    }

    private static func slot(of source: FeedSource) -> Int {
        switch source {
        case .ratings: 0
        case .consensus: 1
        case .insights: 2
        }
    }
}
