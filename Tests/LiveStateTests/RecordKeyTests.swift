import Testing
@testable import LiveState

@Suite struct RecordKeyTests {
    private func key(_ date: String?, _ time: String?, _ updated: Int64? = 0, _ id: String = "x") -> RecordKey {
        RecordKey(date: date, time: time, updated: updated.map { Timestamp(millisecondsSinceEpoch: $0) }, timestamp: nil, id: id)
    }

    @Test func ordersByDateThenTimeThenUpdatedThenId() {
        let ordered = [
            key("2024-10-03", "23:59:59", 9, "z"), key("2024-10-04", nil, 9), key("2024-10-04", "00:00:00", 0),
            key("2024-10-04", "10:37:52", 1, "a"), key("2024-10-04", "10:37:52", 1, "b"),
            key("2024-10-04", "10:37:52", 2, "a"), key("2024-10-04", "10:37:53", 0), key("2024-11-01", "00:00:00"),
            key("2025-01-01", "00:00:00"),
        ]
        for (older, newer) in zip(ordered, ordered.dropFirst()) {
            #expect(older < newer)
            #expect(!(newer < older))
        }
    }

    @Test func agreesWithStringOrderForWellFormedText() {
        let dates = ["2023-12-31", "2024-01-01", "2024-02-29", "2024-10-04", "2024-10-10"]
        let times = ["00:00:00", "09:59:59", "10:00:00", "23:59:59"]
        let keys = dates.flatMap { date in times.map { key(date, $0) } }
        #expect(keys.sorted() == keys)
        #expect(keys.sorted().map { $0.date + $0.time } == keys.map { $0.date + $0.time }.sorted())
    }

    @Test func sortsMalformedOrAbsentDatesOlderThanWellFormedOnes() {
        #expect(key(nil, "10:00:00") < key("0000-01-01", nil))
        #expect(key("2024/10/04", "10:00:00") < key("1999-01-01", "00:00:00"))
        #expect(key("2024-10-04", "10:00") < key("1999-01-01", "00:00:00"))
        #expect(key("2024-10-04", "10:00") < key("2024-10-04", "10:01"))
        #expect(key("2024-10-04T", nil).rank == 0)
        #expect(key("2024-10-0", nil).rank == 0)
        #expect(key("２０２４-10-04", nil).rank == 0)
    }

    @Test func treatsAbsentAndEmptyTextAlike() {
        #expect(key(nil, nil) == key("", ""))
        #expect(key("2024-10-04", nil) == key("2024-10-04", ""))
    }

    @Test func sortsAbsentInstantsOldest() {
        #expect(key("2024-10-04", "10:00:00", nil) < key("2024-10-04", "10:00:00", Int64.min + 1))
    }

    @Test func roundTripsThroughACursor() {
        for original in [key("2024-10-04", "10:37:52", 5, "id"), key(nil, nil, nil, "x"), key("bad", "worse", -3, "é")] {
            let restored = RecordKey(original.cursor)
            #expect(restored == original)
            #expect(restored.rank == original.rank)
            #expect(RecordKey(PageCursor(token: original.cursor.token)!) == original)
        }
    }
}
