import Feeds
import Foundation
import LiveState

/// What `ratingsd` serves, as canonical JSON texts keyed by ticker or record id, so two states
/// compare with `==`: from a running server over HTTP, or from an in-process `Store` fed with
/// every line of `Fixtures/` through the same `FeedPipeline` live mode uses.
///
/// `received_at` is removed everywhere, and `updated_at` from `/tickers` entries: both say when
/// a process applied a change, which differs between any two runs by design.
struct ComparableState: Equatable {
    /// `/tickers` entries by ticker, without their apply time.
    var tickers: [String: String] = [:]
    /// `/consensus/{ticker}` documents by ticker (tickers without a consensus are absent).
    var consensus: [String: String] = [:]
    /// `/ratings` records by id.
    var ratings: [String: String] = [:]
    /// `/insights` records by id.
    var insights: [String: String] = [:]
    /// Record ids served more than once across the pages of `/ratings` or `/insights`.
    var repeatedIDs: [String] = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The page size used for `/ratings` and `/insights`: the largest the API accepts.
    static let pageLimit = 1000

    /// JSON `bytes` with every `received_at` removed, re-serialised with sorted keys.
    static func canonical(_ bytes: [UInt8]) throws -> String {
        canonical(try JSONSerialization.jsonObject(with: Data(bytes)))
    }

    static func canonical(_ object: Any) -> String {
        let stripped = strip(object)
        let data = (try? JSONSerialization.data(withJSONObject: stripped, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func strip(_ object: Any) -> Any {
        if let dictionary = object as? [String: Any] {
            return dictionary.filter { $0.key != "received_at" }.mapValues(strip)
        }
        if let array = object as? [Any] { return array.map(strip) }
        return object
    }

    /// Adds `records` (parsed JSON objects) to `table` by id, noting ids seen before.
    private mutating func add(_ records: [Any], to table: WritableKeyPath<ComparableState, [String: String]>) throws {
        for record in records {
            guard let id = (record as? [String: Any])?["id"] as? String else { throw Failure(description: "a record without an id: \(record)") }
            if self[keyPath: table][id] != nil { repeatedIDs.append(id) }
            self[keyPath: table][id] = Self.canonical(record)
        }
    }

    /// The state `ratingsd` on `port` serves now.
    static func served(port: Int) throws -> ComparableState {
        let client = try HTTPTestClient(port: port)
        var state = ComparableState()
        let tickers = try client.get("/tickers").json() as? [String: Any]
        for entry in tickers?["data"] as? [[String: Any]] ?? [] {
            guard let ticker = entry["ticker"] as? String else { throw Failure(description: "a ticker entry without a ticker: \(entry)") }
            state.tickers[ticker] = canonical(entry.filter { $0.key != "updated_at" })
            let response = try client.get("/consensus/\(ticker)")
            if response.status == 200 { state.consensus[ticker] = try canonical(response.body) }
        }
        try state.add(try pages("/ratings", client), to: \.ratings)
        try state.add(try pages("/insights", client), to: \.insights)
        return state
    }

    /// Every record of `path`, following `next_cursor` (bounded: a cursor that never ends fails).
    private static func pages(_ path: String, _ client: HTTPTestClient) throws -> [Any] {
        var records: [Any] = []
        var cursor: String?
        for _ in 0..<1000 {
            var target = "\(path)?limit=\(pageLimit)"
            if let cursor { target += "&cursor=\(cursor)" }
            let response = try client.get(target)
            guard response.status == 200, let page = try response.json() as? [String: Any] else {
                throw Failure(description: "GET \(target): \(response.status) \(response.text)")
            }
            records += page["data"] as? [Any] ?? []
            guard let next = page["next_cursor"] as? String else { return records }
            cursor = next
        }
        throw Failure(description: "\(path) never ended its pages")
    }

    /// The state straight from `Fixtures/`: ratings, then insights, then consensus, each file in
    /// order, so every ISIN a consensus line names is known; with the store's counters.
    static func fromFixtures() throws -> (state: ComparableState, statistics: StoreStatistics) {
        let store = Store()
        let pipeline = FeedPipeline(store: store)
        for (file, source) in [("ratings", FeedSource.ratings), ("insights", .insights), ("consensus", .consensus)] {
            let url = DemoModeTests.repositoryRoot.appendingPathComponent("Fixtures/\(file).jsonl")
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.isEmpty {
                pipeline.ingest(Array(line.utf8), source: source, receivedAt: .now())
            }
        }
        var state = ComparableState()
        let tickers = try JSONSerialization.jsonObject(with: Data(store.tickersDocument().json)) as? [String: Any]
        for entry in tickers?["data"] as? [[String: Any]] ?? [] {
            guard let ticker = entry["ticker"] as? String else { continue }
            state.tickers[ticker] = canonical(entry.filter { $0.key != "updated_at" })
            if let document = store.consensusDocument(ticker: ticker) { state.consensus[ticker] = try canonical(document.json) }
        }
        state.ratings = try records { store.ratings(RecordQuery(limit: pageLimit, cursor: $0)) }
        state.insights = try records { store.insights(RecordQuery(limit: pageLimit, cursor: $0)) }
        return (state, store.statistics())
    }

    /// Every record of the store's pages from `page`, canonical, by id.
    private static func records(_ page: (PageCursor?) -> RecordPage) throws -> [String: String] {
        var table = ComparableState()
        var cursor: PageCursor?
        repeat {
            let result = page(cursor)
            try table.add(try result.items.map { try JSONSerialization.jsonObject(with: Data($0)) }, to: \.ratings)
            cursor = result.nextCursor
        } while cursor != nil
        return table.ratings
    }

    /// Lines describing where `self` and `other` differ, at most `limit` of them.
    func differences(from other: ComparableState, limit: Int = 10) -> [String] {
        var lines: [String] = []
        for (name, mine, theirs) in [("ticker", tickers, other.tickers), ("consensus", consensus, other.consensus),
                                     ("rating", ratings, other.ratings), ("insight", insights, other.insights)] {
            for key in Set(mine.keys).union(theirs.keys).sorted() where mine[key] != theirs[key] {
                lines.append("\(name) \(key): served \(mine[key] ?? "nothing"), fixtures \(theirs[key] ?? "nothing")")
            }
        }
        return Array(lines.prefix(limit)) + (lines.count > limit ? ["... \(lines.count - limit) more"] : [])
    }
}
