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

    /// Recounts a ticker and re-renders its document; a ticker left with no rating, insight or
    /// consensus is forgotten (so tickers cannot pile up beyond what the bounds hold). The
    /// document keeps its version when the new bytes equal the old, so ETags change exactly
    /// when the document does.
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
        let json = renderTickerDocument(ticker, info: info)
        if json != info.document.json {
            info.document = Document(json: json, version: sequence)
        }
        tickers[ticker] = info
    }

    /// `GET /tickers/{ticker}`: the ticker's metadata, its consensus and newest records, all
    /// copied from bytes rendered when each was applied.
    private func renderTickerDocument(_ ticker: String, info: TickerInfo) -> [UInt8] {
        let latestRatings = ratings.latest(ticker: ticker, limit: limits.latestInTickerDocument)
        let latestInsights = insights.latest(ticker: ticker, limit: limits.latestInTickerDocument)
        let consensusJSON = consensus[ticker]?.document.json
        var size = 256 + (consensusJSON?.count ?? 4)
        for entry in latestRatings { size += entry.json.count + 1 }
        for entry in latestInsights { size += entry.json.count + 1 }
        var json = JSONWriter(capacity: size)
        json.raw("{\"ticker\":"); json.string(ticker)
        json.raw(",\"name\":"); json.string(info.name)
        json.raw(",\"exchange\":"); json.string(info.exchange)
        json.raw(",\"isin\":"); json.string(info.isin)
        json.raw(",\"updated_at\":"); json.timestamp(info.updatedAt)
        json.raw(",\"consensus\":")
        if let consensusJSON { json.raw(consensusJSON) } else { json.null() }
        json.raw(",\"ratings\":")
        Self.appendNewestFirst(latestRatings, to: &json)
        json.raw(",\"insights\":")
        Self.appendNewestFirst(latestInsights, to: &json)
        json.raw(",\"ratings_count\":"); json.integer(info.ratingsCount)
        json.raw(",\"insights_count\":"); json.integer(info.insightsCount)
        json.byte(UInt8(ascii: "}"))
        return json.bytes
    }

    private static func appendNewestFirst(_ entries: ArraySlice<RecordEntry>, to json: inout JSONWriter) {
        json.byte(UInt8(ascii: "["))
        var first = true
        for entry in entries.reversed() {
            if !first { json.comma() }
            first = false
            json.raw(entry.json)
        }
        json.byte(UInt8(ascii: "]"))
    }
}
