/// `GET /tickers`, rendered lazily.
extension Store {
    /// What a reader found under the lock: a rendering that is current, or what to render from.
    private enum TickerListSnapshot {
        case current(Document)
        case outdated(previous: Document?, tickers: [String: TickerInfo], sequence: UInt64)
    }

    /// Every known ticker, sorted, with metadata and counts; versioned by the store's sequence.
    ///
    /// Rendered on the first read after a change, from a snapshot taken under the lock, and
    /// cached; a rendering equal to the cached bytes keeps the cached version, so the ETag
    /// changes only when the document does.
    public func tickersDocument() -> Document {
        let snapshot = state.withLock { state -> TickerListSnapshot in
            if let list = state.tickersList, list.sequence == state.sequence { return .current(list.document) }
            return .outdated(previous: state.tickersList?.document, tickers: state.tickers, sequence: state.sequence)
        }
        switch snapshot {
        case .current(let document):
            return document
        case .outdated(let previous, let tickers, let sequence):
            let json = TickerList.render(tickers)
            var document = Document(json: json, version: sequence)
            if let previous, previous.json == json { document = previous }
            state.withLock { state in
                // Another reader may have cached a newer rendering meanwhile; never go back.
                if (state.tickersList?.sequence ?? 0) <= sequence { state.tickersList = (document, sequence) }
            }
            return document
        }
    }
}
