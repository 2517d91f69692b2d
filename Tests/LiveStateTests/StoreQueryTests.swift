import Foundation
import Testing
import LiveState

/// `ratings(_:)` and `insights(_:)`: filters, order and pagination.
@Suite struct StoreQueryTests {
    typealias F = TestFixtures

    /// 60 ratings over 3 tickers, 3 firms, 3 actions, importance 0-4 and 6 days.
    private func populated() -> Store {
        let store = Store()
        let firms = ["Goldman Sachs", "Morgan Stanley", "Barclays"]
        let actions = ["Upgrades", "Downgrades", "Maintains"]
        for index in 0..<60 {
            F.apply(store, .rating(.created, F.rating(
                "r\(index)", ticker: ["AAPL", "MSFT", "NVDA"][index % 3], date: "2024-10-1\(index % 6)",
                time: "10:\(10 + index % 7):00", updated: 1_000 + Int64(index), action: actions[index % 3 == 0 ? 0 : index % 2 + 1],
                firm: firms[index % 3], firmID: "firm-\(index % 3)", importance: index % 5)))
        }
        return store
    }

    private func everyPage(_ store: Store, _ query: RecordQuery) -> [[String]] {
        var pages: [[String]] = []
        var query = query
        for _ in 0..<1_000 {
            let page = store.ratings(query)
            pages.append(F.ids(page))
            guard let cursor = page.nextCursor else { break }
            query.cursor = PageCursor(token: cursor.token)
        }
        return pages
    }

    private func keys(_ store: Store, _ query: RecordQuery) -> [(String, String, Double)] {
        store.ratings(query).items.compactMap { item in
            guard let object = F.object(item), let date = object["date"] as? String, let time = object["time"] as? String,
                  let updated = object["updated_at"] as? String else { return nil }
            return (date, time, Timestamp(rfc3339: updated).map { Double($0.millisecondsSinceEpoch) } ?? 0)
        }
    }

    @Test func listsNewestFirstByDateTimeThenUpdated() {
        let listed = keys(populated(), RecordQuery(limit: 1_000))
        #expect(listed.count == 60)
        for (earlier, later) in zip(listed, listed.dropFirst()) {
            #expect(earlier.0 > later.0 || (earlier.0 == later.0 && (earlier.1 > later.1 || (earlier.1 == later.1 && earlier.2 >= later.2))))
        }
    }

    @Test func filtersByTickers() {
        let store = populated()
        let ids = F.ids(store.ratings(RecordQuery(tickers: ["MSFT", "NVDA", "ZZZZ"], limit: 1_000)))
        #expect(ids.count == 40)
        #expect(Set(ids) == Set((0..<60).filter { $0 % 3 != 0 }.map { "r\($0)" }))
        #expect(F.ids(store.ratings(RecordQuery(tickers: [], limit: 1_000))).isEmpty)
    }

    @Test func mergedTickerListsKeepTheGlobalOrder() {
        let store = populated()
        let merged = F.ids(store.ratings(RecordQuery(tickers: ["AAPL", "MSFT", "NVDA"], limit: 1_000)))
        #expect(merged == F.ids(store.ratings(RecordQuery(limit: 1_000))))
    }

    @Test func filtersByNormalisedAction() {
        let store = populated()
        let upgrades = F.ids(store.ratings(RecordQuery(actions: ["upgrade"], limit: 1_000)))
        #expect(Set(upgrades) == Set((0..<60).filter { $0 % 3 == 0 }.map { "r\($0)" }))
        #expect(store.ratings(RecordQuery(actions: ["upgrade", "downgrade", "maintain"], limit: 1_000)).items.count == 60)
        #expect(store.ratings(RecordQuery(actions: ["terminate"], limit: 1_000)).items.isEmpty)
        #expect(store.ratings(RecordQuery(actions: ["bogus"], limit: 1_000)).items.isEmpty)
    }

    @Test func filtersByFirmNameOrIdIgnoringASCIICase() {
        let store = populated()
        let byName = F.ids(store.ratings(RecordQuery(firm: "morgan STANLEY", limit: 1_000)))
        let byID = F.ids(store.ratings(RecordQuery(firm: "FIRM-1", limit: 1_000)))
        #expect(byName.count == 20)
        #expect(byName == byID)
        #expect(store.ratings(RecordQuery(firm: "Morgan", limit: 1_000)).items.isEmpty)
    }

    @Test func filtersByMinimumImportanceDroppingRecordsWithout() {
        let store = populated()
        F.apply(store, .rating(.created, F.rating("none", importance: nil)))
        let ids = F.ids(store.ratings(RecordQuery(minImportance: 3, limit: 1_000)))
        #expect(Set(ids) == Set((0..<60).filter { $0 % 5 >= 3 }.map { "r\($0)" }))
        #expect(F.ids(store.ratings(RecordQuery(minImportance: 0, limit: 1_000))).count == 60)
    }

    @Test func filtersBySinceInclusiveAndUntilExclusive() {
        let store = populated()
        F.apply(store, .rating(.created, F.rating("timeless", updated: nil, timestamp: nil)))
        let ids = F.ids(store.ratings(RecordQuery(since: F.seconds(1_010), until: F.seconds(1_020), limit: 1_000)))
        #expect(Set(ids) == Set((10..<20).map { "r\($0)" }))
        #expect(F.ids(store.ratings(RecordQuery(until: F.seconds(1_001), limit: 1_000))) == ["r0"])
    }

    @Test func usesTimestampWhenUpdatedIsAbsent() {
        let store = Store()
        F.apply(store, .rating(.created, F.rating("r1", updated: nil, timestamp: 500)))
        #expect(F.ids(store.ratings(RecordQuery(since: F.seconds(500)))) == ["r1"])
        #expect(F.ids(store.ratings(RecordQuery(since: F.seconds(501)))).isEmpty)
    }

    @Test func clampsTheLimitToThePageBounds() {
        let store = Store(limits: StoreLimits(maxPageSize: 7))
        for index in 0..<20 { F.apply(store, .rating(.created, F.rating("r\(index)", updated: Int64(index)))) }
        #expect(store.ratings(RecordQuery(limit: 1_000)).items.count == 7)
        #expect(store.ratings(RecordQuery(limit: 0)).items.count == 1)
        #expect(store.ratings(RecordQuery(limit: -5)).items.count == 1)
    }

    @Test(arguments: [1, 2, 7, 13, 59, 60, 61])
    func paginationVisitsEveryRecordExactlyOnce(limit: Int) {
        let store = populated()
        let pages = everyPage(store, RecordQuery(limit: limit))
        let ids = pages.flatMap { $0 }
        #expect(ids == F.ids(store.ratings(RecordQuery(limit: 1_000))))
        #expect(Set(ids).count == 60)
        #expect(pages.dropLast().allSatisfy { $0.count == limit })
        #expect(pages.last?.isEmpty == false)
    }

    @Test func paginationWithFiltersAndTickersVisitsEveryMatchOnce() {
        let store = populated()
        let query = RecordQuery(tickers: ["AAPL", "NVDA"], minImportance: 1, limit: 4)
        let ids = everyPage(store, query).flatMap { $0 }
        var unpaged = query
        unpaged.limit = 1_000
        #expect(ids == F.ids(store.ratings(unpaged)))
        #expect(Set(ids).count == ids.count)
    }

    @Test func noNextCursorWhenTheLastMatchFillsThePage() {
        let store = Store()
        for index in 0..<4 { F.apply(store, .rating(.created, F.rating("r\(index)", updated: Int64(index)))) }
        let page = store.ratings(RecordQuery(limit: 4))
        #expect(page.items.count == 4)
        #expect(page.nextCursor == nil)
        #expect(store.ratings(RecordQuery(limit: 3)).nextCursor != nil)
    }

    @Test func aCursorStillWorksAfterItsRecordIsDeleted() {
        let store = populated()
        let first = store.ratings(RecordQuery(limit: 5))
        let lastID = F.ids(first).last!
        F.apply(store, .ratingDeleted(id: lastID, updated: nil, timestamp: nil))
        let next = store.ratings(RecordQuery(limit: 5, cursor: first.nextCursor))
        let expected = F.ids(store.ratings(RecordQuery(limit: 1_000)))
        #expect(F.ids(next) == Array(expected[4..<9]))
    }

    @Test func queriesInsightsWithTheSameFilters() {
        let store = Store()
        for index in 0..<10 {
            F.apply(store, .insight(.created, F.insight(
                "i\(index)", ticker: index % 2 == 0 ? "AAPL" : "MSFT", date: "2024-10-1\(index)",
                action: index < 5 ? "Upgrades" : "Downgrades")))
        }
        #expect(F.ids(store.insights(RecordQuery(tickers: ["AAPL"], actions: ["downgrade"]))) == ["i8", "i6"])
        #expect(store.insights(RecordQuery(minImportance: 0)).items.isEmpty)
        let page = store.insights(RecordQuery(limit: 3))
        #expect(F.ids(page) == ["i9", "i8", "i7"])
        #expect(F.ids(store.insights(RecordQuery(limit: 3, cursor: page.nextCursor))) == ["i6", "i5", "i4"])
    }
}
