@testable import Feeds
import LiveState
import Testing

@Suite struct EasternWallClockTests {
    @Test func usesStandardTimeInWinterAndDaylightTimeInSummer() throws {
        #expect(EasternWallClock(try #require(Timestamp(rfc3339: "2026-01-09T15:10:00Z"))) == EasternWallClock(date: "2026-01-09", time: "10:10:00"))
        #expect(EasternWallClock(try #require(Timestamp(rfc3339: "2026-07-01T03:30:00.999Z"))) == EasternWallClock(date: "2026-06-30", time: "23:30:00"))
    }

    @Test func switchesAtTheDaylightSavingBoundaries() throws {
        // 2026-03-08 02:00 EST becomes 03:00 EDT (07:00Z); 2026-11-01 02:00 EDT becomes 01:00 EST (06:00Z).
        #expect(EasternWallClock(try #require(Timestamp(rfc3339: "2026-03-08T06:59:59Z"))).time == "01:59:59")
        #expect(EasternWallClock(try #require(Timestamp(rfc3339: "2026-03-08T07:00:00Z"))).time == "03:00:00")
        #expect(EasternWallClock(try #require(Timestamp(rfc3339: "2026-11-01T05:59:59Z"))).time == "01:59:59")
        #expect(EasternWallClock(try #require(Timestamp(rfc3339: "2026-11-01T06:00:00Z"))).time == "01:00:00")
    }

    @Test func roundTripsThroughTheStoresEasternParserAllYear() throws {
        var instant = try #require(Timestamp(rfc3339: "2026-01-01T00:00:00Z")).millisecondsSinceEpoch
        let end = try #require(Timestamp(rfc3339: "2027-01-01T00:00:00Z")).millisecondsSinceEpoch
        while instant < end {
            let wall = EasternWallClock(Timestamp(millisecondsSinceEpoch: instant))
            let back = Timestamp(easternWallClock: wall.text)?.millisecondsSinceEpoch
            // The repeated hour in November maps back to its first occurrence.
            #expect(back == instant || back == instant - 3_600_000, "\(wall.text)")
            instant += 1_800_000 + 7_000
        }
    }
}
