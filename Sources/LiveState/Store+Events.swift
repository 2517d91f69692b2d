/// What `GET /events?snapshot=true` reads: the consensus documents and the sequence they are
/// current at, taken in one critical section so the snapshot and the live stream meet exactly.
extension Store {
    /// The consensus documents of `tickers` (upper-cased; nil: every ticker, sorted), skipping
    /// tickers without one, and the store's sequence at that moment, which is the newest id in
    /// `events` too.
    public func consensusSnapshot(tickers: [String]?) -> (sequence: UInt64, documents: [[UInt8]]) {
        state.withLock { state in
            let documents: [[UInt8]]
            if let tickers {
                documents = tickers.compactMap { state.consensus[$0]?.document.json }
            } else {
                documents = state.consensus.keys.sorted().compactMap { state.consensus[$0]?.document.json }
            }
            return (state.sequence, documents)
        }
    }
}
