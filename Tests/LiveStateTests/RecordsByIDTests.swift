import Testing
@testable import LiveState

@Suite struct RecordsByIDTests {
    private static func entry(_ id: String) -> RecordEntry {
        RecordEntry(TestFixtures.rating(id, ticker: "AAPL", date: "2024-10-10", time: "10:00:00", updated: 1_000))
    }

    @Test func findsReplacesAndRemovesById() {
        var table = RecordsByID()
        #expect(table["a"] == nil)
        let first = Self.entry("a")
        #expect(table.updateValue(first) == nil)
        let second = Self.entry("a")
        #expect(table.updateValue(second) === first)
        #expect(table["a"] === second)
        #expect(table.count == 1)
        #expect(table.removeValue(forID: "a") === second)
        #expect(table.removeValue(forID: "a") == nil)
        #expect(table["a"] == nil)
        #expect(table.count == 0)
    }

    @Test func agreesWithADictionaryOverRandomInsertsAndRemovals() {
        // Removals shift clusters back across the table's wrap-around, and the table grows
        // from its smallest size on the way: every id must stay findable throughout.
        var table = RecordsByID()
        var reference: [String: RecordEntry] = [:]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let id = "r\(Int.random(in: 0..<2_000, using: &generator))"
            if Bool.random(using: &generator) {
                let entry = Self.entry(id)
                #expect(table.updateValue(entry) === reference.updateValue(entry, forKey: id))
            } else {
                #expect(table.removeValue(forID: id) === reference.removeValue(forKey: id))
            }
            #expect(table.count == reference.count)
        }
        for id in (0..<2_000).map({ "r\($0)" }) {
            #expect(table[id] === reference[id])
        }
    }
}
