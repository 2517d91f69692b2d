import Testing
@testable import LiveState

@Suite struct OrderedRecordsTests {
    static func entry(_ id: Int, day: Int = 1, ticker: String = "AAPL") -> RecordEntry {
        let rating = TestFixtures.rating(
            "r\(id)", ticker: ticker, date: "2024-10-\(10 + day % 20)", time: "10:00:00", updated: Int64(1_000 + id % 97))
        let entry = RecordEntry(rating)
        entry.stamp(UInt64(id))
        return entry
    }

    private func descending(_ records: OrderedRecords, below bound: RecordKey? = nil) -> [RecordKey] {
        var keys: [RecordKey] = []
        records.forEachDescending(below: bound) { keys.append($0.key); return true }
        return keys
    }

    @Test func keepsKeysSortedAcrossBlockSplits() {
        var records = OrderedRecords()
        var reference: [RecordKey] = []
        var generator = SystemRandomNumberGenerator()
        for id in 0..<3_000 {
            let entry = Self.entry(id, day: Int.random(in: 0..<20, using: &generator))
            records.insert(entry)
            reference.append(entry.key)
        }
        #expect(records.count == 3_000)
        #expect(records.blocks.count > 1)
        #expect(records.blocks.allSatisfy { $0.count <= OrderedRecords.blockCapacity })
        #expect(descending(records) == reference.sorted(by: >))
    }

    @Test func removesByKeyAndMergesSmallBlocks() {
        var records = OrderedRecords()
        let entries = (0..<2_000).map { Self.entry($0, day: $0 % 20) }
        entries.forEach { records.insert($0) }
        for entry in entries where entry.sequence % 10 != 0 {
            let removed = records.remove(key: entry.key)
            #expect(removed)
        }
        #expect(records.count == 200)
        #expect(records.blocks.count <= 2)
        let kept = entries.filter { $0.sequence % 10 == 0 }.map(\.key).sorted(by: >)
        #expect(descending(records) == kept)
    }

    @Test func refusesToRemoveAKeyItDoesNotHold() {
        var records = OrderedRecords()
        let removedFromEmpty = records.remove(key: Self.entry(1).key)
        records.insert(Self.entry(1))
        let removedAbsent = records.remove(key: Self.entry(2).key)
        #expect(!removedFromEmpty)
        #expect(!removedAbsent)
        #expect(records.count == 1)
    }

    @Test func removesTheOldestFirst() {
        var records = OrderedRecords()
        let entries = (0..<1_500).map { Self.entry($0, day: $0 % 20) }
        entries.forEach { records.insert($0) }
        var previous: RecordKey?
        while let oldest = records.removeOldest() {
            if let previous { #expect(previous < oldest.key) }
            previous = oldest.key
        }
        #expect(records.count == 0)
        #expect(records.blocks.isEmpty)
    }

    @Test func iteratesStrictlyBelowABound() {
        var records = OrderedRecords()
        let entries = (0..<1_200).map { Self.entry($0, day: $0 % 20) }
        entries.forEach { records.insert($0) }
        let sorted = entries.map(\.key).sorted(by: >)
        for cut in [0, 1, 511, 512, 600, 1_199] {
            #expect(descending(records, below: sorted[cut]) == Array(sorted[(cut + 1)...]))
        }
        let absent = RecordKey(date: "2024-10-15", time: "10:00:00", updated: nil, timestamp: nil, id: "zzz")
        #expect(descending(records, below: absent) == sorted.filter { $0 < absent })
    }

    @Test func stopsWhenTheBodySaysSo() {
        var records = OrderedRecords()
        (0..<100).forEach { records.insert(Self.entry($0)) }
        var visited = 0
        records.forEachDescending(below: nil) { _ in visited += 1; return visited < 7 }
        #expect(visited == 7)
    }

    @Test func snapshotsAreUnaffectedByLaterChanges() {
        var records = OrderedRecords()
        (0..<1_000).forEach { records.insert(Self.entry($0, day: $0 % 20)) }
        let snapshot = records
        _ = records.removeOldest()
        records.insert(Self.entry(5_000, day: 19))
        #expect(snapshot.count == 1_000)
        #expect(descending(snapshot).count == 1_000)
        #expect(descending(records).count == 1_000)
        #expect(descending(snapshot) != descending(records))
    }
}
