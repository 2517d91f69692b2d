import Synchronization

/// The one in-memory store of live analyst state: single writer, many readers, render on write.
///
/// Every change is applied inside one `Mutex` critical section, after the expensive part
/// (rendering the record or consensus JSON) was done outside it, so readers see a change
/// entirely or not at all and wait at most for one short apply. Reads of documents are a lock,
/// a dictionary lookup and a reference to ready bytes. Queries copy the ordered lists under the
/// lock (copy-on-write, so constant time) and scan the copy without holding it. A ticker's
/// detail document is the exception to render on write: it is rendered on its first read after
/// a change (see `StoreState.tickerDocument`).
public final class Store: StoreReading, StoreWriting {
    /// The bounds this store keeps.
    public let limits: StoreLimits
    /// Internal, not private: `Store+TickerList.swift` caches through it.
    let state: Mutex<StoreState>
    /// Every applied change as a server-sent event, appended inside `apply`'s critical section.
    public let events: EventLog

    /// An empty store over `events`, numbering its changes on from the log's last sequence.
    public init(limits: StoreLimits = StoreLimits(), events: EventLog = EventLog()) {
        self.limits = limits
        self.events = events
        state = Mutex(StoreState(limits: limits, sequence: events.lastSequence))
    }

    // MARK: StoreWriting

    /// Applies one decoded message; see `StoreState.upsert`, `delete` and `replaceConsensus`
    /// for the rules. The message's JSON is rendered before the lock is taken. An applied change
    /// is appended to `events` inside the lock (the log never lags the store) and published to
    /// the log's listener after it.
    @discardableResult
    public func apply(_ message: consuming FeedMessage, receivedAt: Timestamp) -> ApplyOutcome {
        let source = message.source
        let envelopeID = message.envelopeID
        let change = PreparedChange(message.takeChange(), receivedAt: receivedAt)
        let (outcome, event) = state.withLock { state -> (ApplyOutcome, StoreEvent?) in
            let deletedTicker = StoreEvent.tickerDeleted(by: change, in: state)
            let outcome = state.apply(change, source: source, envelopeID: envelopeID, receivedAt: receivedAt)
            guard case .applied(let sequence) = outcome,
                  let event = StoreEvent(change, sequence: sequence, deletedTicker: deletedTicker, receivedAt: receivedAt)
            else { return (outcome, nil) }
            events.append(event)
            return (outcome, event)
        }
        if let event { events.publish(event) }
        return outcome
    }

    /// Keeps a dead letter (newest first, bounded by `limits.deadLettersKept`) and counts it.
    public func recordDeadLetter(_ letter: DeadLetter) {
        state.withLock { $0.recordDeadLetter(letter) }
    }

    /// The ticker a known ISIN belongs to, from ratings, insights and consensus seen.
    public func ticker(forISIN isin: String) -> String? {
        state.withLock { $0.tickerByISIN[isin] }
    }

    // MARK: StoreReading

    /// The consensus document of an upper-cased ticker: the hot path, a lookup under the lock.
    public func consensusDocument(ticker: String) -> Document? {
        state.withLock { $0.consensus[ticker]?.document }
    }

    /// The document of a held rating.
    public func ratingDocument(id: String) -> Document? {
        state.withLock { $0.ratings.byID[id]?.document }
    }

    /// The document of a held insight.
    public func insightDocument(id: String) -> Document? {
        state.withLock { $0.insights.byID[id]?.document }
    }

    /// Recent ratings matching the query, newest first, scanned outside the lock.
    public func ratings(_ query: RecordQuery) -> RecordPage {
        let index = state.withLock { $0.ratings.index }
        return index.page(for: query, maxPageSize: limits.maxPageSize)
    }

    /// Recent insights matching the query, newest first. Insights carry no importance, so a
    /// query with `minImportance` matches none.
    public func insights(_ query: RecordQuery) -> RecordPage {
        let index = state.withLock { $0.insights.index }
        return index.page(for: query, maxPageSize: limits.maxPageSize)
    }

    /// The ticker's detail document, rendered under the lock on the first read after a change
    /// (a copy of some 20 KiB of ready fragments).
    public func tickerDocument(ticker: String) -> Document? {
        state.withLock { $0.tickerDocument(ticker) }
    }

    /// Whether the ticker holds any rating, insight or consensus.
    public func knowsTicker(_ ticker: String) -> Bool {
        state.withLock { $0.tickers[ticker] != nil }
    }

    /// Counters, sizes and recent dead letters, consistent with one another.
    public func statistics() -> StoreStatistics {
        state.withLock { $0.statistics }
    }
}
