import LiveState
import Synchronization

/// An in-memory `StoreReading` serving documents shaped as SHAPES.md describes, recording the
/// queries it is asked so tests can check what the API made of a request.
final class FakeStore: StoreReading {
    /// A rating or insight as the fake holds it: its rendered bytes and what filters look at.
    struct Record {
        let id: String
        let ticker: String
        let action: String
        let json: [UInt8]
    }

    /// What the store holds; fixed once the store exists, as a Sendable class needs.
    struct Contents {
        var consensus: [String: Document] = [:]
        var ratingRecords: [Record] = []
        var insightRecords: [Record] = []
        var tickerDocuments: [String: Document] = [:]
        var tickers = Document(json: Array(#"{"data":[]}"#.utf8), version: 7)
        var stats = StoreStatistics()
    }

    let contents: Contents
    /// Every query and ticker lookup in arrival order (the Mutex keeps the class Sendable).
    let queries = Mutex<[RecordQuery]>([])
    let lookups = Mutex<[String]>([])

    init(_ contents: Contents) { self.contents = contents }

    func consensusDocument(ticker: String) -> Document? {
        lookups.withLock { $0.append(ticker) }
        return contents.consensus[ticker]
    }

    func ratingDocument(id: String) -> Document? {
        contents.ratingRecords.first { $0.id == id }.map { Document(json: $0.json, version: 0x51) }
    }

    func insightDocument(id: String) -> Document? {
        contents.insightRecords.first { $0.id == id }.map { Document(json: $0.json, version: 0x52) }
    }

    func ratings(_ query: RecordQuery) -> RecordPage { page(contents.ratingRecords, query) }

    func insights(_ query: RecordQuery) -> RecordPage { page(contents.insightRecords, query) }

    func tickersDocument() -> Document { contents.tickers }

    func tickerDocument(ticker: String) -> Document? { contents.tickerDocuments[ticker] }

    func knowsTicker(_ ticker: String) -> Bool {
        contents.tickerDocuments[ticker] != nil || contents.ratingRecords.contains { $0.ticker == ticker }
    }

    func statistics() -> StoreStatistics { contents.stats }

    /// Newest first is the array order; the cursor carries the position of the last record shown.
    private func page(_ records: [Record], _ query: RecordQuery) -> RecordPage {
        queries.withLock { $0.append(query) }
        let start = query.cursor.map { Int($0.updatedMilliseconds) + 1 } ?? 0
        var items: [[UInt8]] = []
        var last: (Int, Record)?
        for (position, record) in records.enumerated() where position >= start {
            if let tickers = query.tickers, !tickers.contains(record.ticker) { continue }
            if let actions = query.actions, !actions.contains(record.action) { continue }
            if items.count == query.limit {
                let (index, shown) = last!
                return RecordPage(
                    items: items,
                    nextCursor: PageCursor(date: "2024-10-04", time: "", updatedMilliseconds: Int64(index), id: shown.id))
            }
            items.append(record.json)
            last = (position, record)
        }
        return RecordPage(items: items, nextCursor: nil)
    }
}
