/// Consensus replacement and the per-ticker bookkeeping every change ends with.
extension StoreState {
    /// Replaces a ticker's consensus. Stale when its `updated_at` is older than the held one's
    /// (when either lacks it, arrival order wins); duplicate when equal to the held value in
    /// every field (its `received_at` aside, which is ours, not upstream's).
    mutating func replaceConsensus(_ value: Consensus, json: [UInt8], receivedAt: Timestamp) -> ApplyOutcome {
        let ticker = value.ticker
        if let held = consensus[ticker]?.value {
            if let incoming = value.updatedAt, let current = held.updatedAt, incoming < current { return .stale }
            if held == value { return .duplicate }
        }
        let sequence = nextSequence()
        consensus[ticker] = ConsensusSlot(value: value, document: Document(json: json, version: sequence))
        noteChange(of: ticker, facts: TickerFacts(isin: value.isin), at: receivedAt)
        refreshTicker(ticker, sequence: sequence)
        return .applied(sequence: sequence)
    }

    /// Records that a change reached a ticker: its facts, its `updated_at` (never moved back,
    /// should a journal replay older receipts) and its ISIN for `ticker(forISIN:)`.
    mutating func noteChange(of ticker: String, facts: TickerFacts, at receivedAt: Timestamp) {
        tickers[ticker, default: TickerInfo()].absorb(facts, changedAt: receivedAt)
        if let isin = facts.isin { tickerByISIN[isin] = ticker }
    }

    /// Recounts a ticker and marks its document for rendering on the next read; a ticker left
    /// with no rating, insight or consensus is forgotten (so tickers cannot pile up beyond what
    /// the bounds hold).
    ///
    /// Why not render here: a busy ticker changes many times between two reads of its ~20 KiB
    /// document, and rendering it on every change cost a fifth of each apply.
    mutating func refreshTicker(_ ticker: String, sequence: UInt64) {
        guard var info = tickers[ticker] else { return }
        info.ratingsCount = ratings.count(ticker: ticker)
        info.insightsCount = insights.count(ticker: ticker)
        info.hasConsensus = consensus[ticker] != nil
        guard info.ratingsCount > 0 || info.insightsCount > 0 || info.hasConsensus else {
            tickers[ticker] = nil
            if let isin = info.isin, tickerByISIN[isin] == ticker { tickerByISIN[isin] = nil }
            return
        }
        info.pendingVersion = sequence
        tickers[ticker] = info
    }

    /// The ticker's detail document, rendered first when a change reached the ticker since the
    /// last rendering: once per change at most, however many reads follow (O(1) amortised).
    ///
    /// It runs inside the store's lock, so the rendering reflects whole changes only. A
    /// rendering equal to the previous bytes keeps the previous version, so the ETag changes
    /// exactly when the document does.
    mutating func tickerDocument(_ ticker: String) -> Document? {
        guard var info = tickers[ticker] else { return nil }
        guard let pending = info.pendingVersion else { return info.document }
        let json = renderTickerDocument(ticker, info: info)
        if json != info.document?.json {
            info.document = Document(json: json, version: pending)
        }
        info.pendingVersion = nil
        tickers[ticker] = info
        return info.document
    }

    /// `GET /tickers/{ticker}`: the ticker's metadata, its consensus and newest records, all
    /// copied from bytes rendered when each was applied.
    ///
    /// Assembled in one allocation of the exact size: a few dozen bytes of its own around
    /// twenty pre-rendered records, so the cost is one copy of each (some 20 KiB in all).
    private func renderTickerDocument(_ ticker: String, info: TickerInfo) -> [UInt8] {
        let latestRatings = ratings.latest(ticker: ticker, limit: limits.latestInTickerDocument)
        let latestInsights = insights.latest(ticker: ticker, limit: limits.latestInTickerDocument)
        let consensusJSON = consensus[ticker]?.document.json
        var head = JSONWriter(capacity: 256)
        head.raw("{\"ticker\":"); head.string(ticker)
        head.raw(",\"name\":"); head.string(info.name)
        head.raw(",\"exchange\":"); head.string(info.exchange)
        head.raw(",\"isin\":"); head.string(info.isin)
        head.raw(",\"updated_at\":"); head.timestamp(info.updatedAt)
        head.raw(",\"consensus\":")
        if consensusJSON == nil { head.null() }
        var tail = JSONWriter(capacity: 64)
        tail.raw(",\"ratings_count\":"); tail.integer(info.ratingsCount)
        tail.raw(",\"insights_count\":"); tail.integer(info.insightsCount)
        tail.byte(UInt8(ascii: "}"))

        let ratingsKey: StaticString = ",\"ratings\":"
        let insightsKey: StaticString = ",\"insights\":"
        var size = head.writtenCount + (consensusJSON?.count ?? 0) + tail.writtenCount
        size += ratingsKey.utf8CodeUnitCount + insightsKey.utf8CodeUnitCount + 4
        for entry in latestRatings { size += entry.json.count + 1 }
        for entry in latestInsights { size += entry.json.count + 1 }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var output = ByteOutput(buffer)
            head.withWrittenBytes { output.put($0) }
            if let consensusJSON { consensusJSON.withUnsafeBufferPointer { output.put($0) } }
            output.put(ratingsKey)
            Self.putNewestFirst(latestRatings, to: &output)
            output.put(insightsKey)
            Self.putNewestFirst(latestInsights, to: &output)
            tail.withWrittenBytes { output.put($0) }
            initialized = output.count
        }
    }

    /// `[newest,...,oldest]` of pre-rendered records.
    private static func putNewestFirst(_ entries: ArraySlice<RecordEntry>, to output: inout ByteOutput) {
        output.put(UInt8(ascii: "["))
        var index = entries.endIndex
        while index > entries.startIndex {
            if index != entries.endIndex { output.put(UInt8(ascii: ",")) }
            index -= 1
            entries[index].json.withUnsafeBufferPointer { output.put($0) }
        }
        output.put(UInt8(ascii: "]"))
    }
}
