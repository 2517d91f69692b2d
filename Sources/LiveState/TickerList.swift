/// `GET /tickers`, rendered from a snapshot of the ticker infos.
///
/// Not re-rendered on every change: with thousands of tickers that would cost far more than the
/// change itself. A reader renders it on the first read after a change, outside the lock, and
/// caches it with the sequence it reflects.
enum TickerList {
    /// Every ticker sorted by symbol, with metadata and counts.
    static func render(_ tickers: [String: TickerInfo]) -> [UInt8] {
        var json = JSONWriter(capacity: 32 + tickers.count * 200)
        json.raw("{\"data\":[")
        var first = true
        for symbol in tickers.keys.sorted() {
            guard let info = tickers[symbol] else { continue }
            if !first { json.comma() }
            first = false
            json.raw("{\"ticker\":"); json.string(symbol)
            json.raw(",\"name\":"); json.string(info.name)
            json.raw(",\"exchange\":"); json.string(info.exchange)
            json.raw(",\"isin\":"); json.string(info.isin)
            json.raw(",\"updated_at\":"); json.timestamp(info.updatedAt)
            json.raw(",\"ratings_count\":"); json.integer(info.ratingsCount)
            json.raw(",\"insights_count\":"); json.integer(info.insightsCount)
            json.raw(",\"has_consensus\":"); json.bool(info.hasConsensus)
            json.byte(UInt8(ascii: "}"))
        }
        json.raw("]}")
        return json.bytes
    }
}
