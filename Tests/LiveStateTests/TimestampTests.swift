import Testing
import LiveState

@Suite struct TimestampTests {
    private func ms(_ value: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: value) }

    @Test func formatsWholeSecondsWithoutFraction() {
        #expect(ms(1_728_069_666_000).rfc3339 == "2024-10-04T19:21:06Z")
        #expect(ms(0).rfc3339 == "1970-01-01T00:00:00Z")
    }

    @Test func formatsMillisecondsWhenNonZero() {
        #expect(ms(1_728_069_666_120).rfc3339 == "2024-10-04T19:21:06.120Z")
        #expect(ms(1_728_069_666_007).rfc3339 == "2024-10-04T19:21:06.007Z")
    }

    @Test func formatsNegativeEpochValues() {
        #expect(ms(-1).rfc3339 == "1969-12-31T23:59:59.999Z")
        #expect(ms(-86_400_000).rfc3339 == "1969-12-31T00:00:00Z")
        #expect(ms(-2_208_988_800_000).rfc3339 == "1900-01-01T00:00:00Z")
    }

    @Test func formatsLeapDays() {
        #expect(ms(951_782_400_000).rfc3339 == "2000-02-29T00:00:00Z")
        #expect(ms(1_709_164_800_000).rfc3339 == "2024-02-29T00:00:00Z")
    }

    @Test func clampsInstantsOutsideWritableYears() {
        #expect(ms(Int64.max).rfc3339 == "9999-12-31T23:59:59.999Z")
        #expect(ms(Int64.min).rfc3339 == "0000-01-01T00:00:00Z")
    }

    @Test func parsesUTCWithAndWithoutFraction() {
        #expect(Timestamp(rfc3339: "2024-10-04T19:21:06Z") == ms(1_728_069_666_000))
        #expect(Timestamp(rfc3339: "2024-10-04T19:21:06.120Z") == ms(1_728_069_666_120))
        #expect(Timestamp(rfc3339: "2024-10-04T19:21:06.5Z") == ms(1_728_069_666_500))
        #expect(Timestamp(rfc3339: "2024-10-04t19:21:06z") == ms(1_728_069_666_000))
        #expect(Timestamp(rfc3339: "2024-10-04 19:21:06Z") == ms(1_728_069_666_000))
    }

    @Test func truncatesFractionsBeyondMilliseconds() {
        #expect(Timestamp(rfc3339: "2024-10-04T19:21:06.123999Z") == ms(1_728_069_666_123))
    }

    @Test func appliesOffsets() {
        #expect(Timestamp(rfc3339: "2024-10-04T15:21:06-04:00") == ms(1_728_069_666_000))
        #expect(Timestamp(rfc3339: "2024-10-05T00:51:06+05:30") == ms(1_728_069_666_000))
        #expect(Timestamp(rfc3339: "2024-10-04T19:21:06-00:00") == ms(1_728_069_666_000))
    }

    @Test func parsesBareDatesAsMidnightUTC() {
        #expect(Timestamp(rfc3339: "2024-10-04") == ms(1_728_000_000_000))
    }

    @Test func parsesDatesBeforeTheEpoch() {
        #expect(Timestamp(rfc3339: "1969-12-31T23:59:59.999Z") == ms(-1))
        #expect(Timestamp(rfc3339: "0000-01-01T00:00:00Z") == Timestamp.rfc3339Minimum)
    }

    @Test func clampsLeapSecondsToTheLastSecond() {
        #expect(Timestamp(rfc3339: "2016-12-31T23:59:60Z") == Timestamp(rfc3339: "2016-12-31T23:59:59Z"))
    }

    @Test(arguments: [
        "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
        "2024-01-00", "2024-10-04T24:00:00Z", "2024-10-04T19:60:00Z", "2024-10-04T19:21:61Z",
        "2024-10-04T19:21Z", "2024-10-04T19:21:06", "2024-10-04T19:21:06+0400", "2024-10-04T19:21:06+24:00",
        "2024-10-04T19:21:06.Z", "2024-10-04T19:21:06Z ", " 2024-10-04", "2024-1-04", "24-10-04", "",
        "2024/10/04", "2024-10-04X19:21:06Z", "2024-10-04T19:21:06ZZ", "２０２４-10-04",
    ])
    func refusesInvalidText(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func acceptsLeapDaysOnlyInLeapYears() {
        #expect(Timestamp(rfc3339: "2024-02-29") != nil)
        #expect(Timestamp(rfc3339: "2000-02-29") != nil)
        #expect(Timestamp(rfc3339: "2100-02-29") == nil)
    }

    @Test func roundTripsThroughText() {
        var value: Int64 = -62_000_000_000_000
        while value < 253_000_000_000_000 {
            #expect(Timestamp(rfc3339: ms(value).rfc3339) == ms(value))
            value += 9_876_543_210_987
        }
    }

    @Test func readsEpochSecondsAndMilliseconds() {
        #expect(Timestamp(epochSecondsOrMilliseconds: 1_728_069_666) == ms(1_728_069_666_000))
        #expect(Timestamp(epochSecondsOrMilliseconds: 1_696_790_400_000) == ms(1_696_790_400_000))
        #expect(Timestamp(epochSecondsOrMilliseconds: 0) == ms(0))
        #expect(Timestamp(epochSecondsOrMilliseconds: -1) == ms(-1000))
        #expect(Timestamp(epochSecondsOrMilliseconds: 100_000_000_000) == ms(100_000_000_000_000))
        #expect(Timestamp(epochSecondsOrMilliseconds: 100_000_000_001) == ms(100_000_000_001))
    }

    @Test func readsEasternStandardTimeInWinter() {
        #expect(Timestamp(easternWallClock: "2024-01-15 12:00:00") == Timestamp(rfc3339: "2024-01-15T17:00:00Z"))
    }

    @Test func readsEasternDaylightTimeInSummer() {
        #expect(Timestamp(easternWallClock: "2024-07-01 12:00:00") == Timestamp(rfc3339: "2024-07-01T16:00:00Z"))
    }

    @Test func switchesToDaylightTimeOnTheSecondSundayOfMarch() {
        #expect(Timestamp(easternWallClock: "2024-03-10 01:59:59") == Timestamp(rfc3339: "2024-03-10T06:59:59Z"))
        #expect(Timestamp(easternWallClock: "2024-03-10 03:00:00") == Timestamp(rfc3339: "2024-03-10T07:00:00Z"))
        #expect(Timestamp(easternWallClock: "2023-03-11 12:00:00") == Timestamp(rfc3339: "2023-03-11T17:00:00Z"))
        #expect(Timestamp(easternWallClock: "2023-03-12 12:00:00") == Timestamp(rfc3339: "2023-03-12T16:00:00Z"))
    }

    @Test func switchesBackOnTheFirstSundayOfNovember() {
        #expect(Timestamp(easternWallClock: "2024-11-03 00:59:59") == Timestamp(rfc3339: "2024-11-03T04:59:59Z"))
        // 01:30 happens twice that night; the first (daylight) occurrence is taken.
        #expect(Timestamp(easternWallClock: "2024-11-03 01:30:00") == Timestamp(rfc3339: "2024-11-03T05:30:00Z"))
        #expect(Timestamp(easternWallClock: "2024-11-03 02:00:00") == Timestamp(rfc3339: "2024-11-03T07:00:00Z"))
        #expect(Timestamp(easternWallClock: "2023-11-05 12:00:00") == Timestamp(rfc3339: "2023-11-05T17:00:00Z"))
        #expect(Timestamp(easternWallClock: "2023-11-04 12:00:00") == Timestamp(rfc3339: "2023-11-04T16:00:00Z"))
    }

    @Test func refusesInvalidEasternWallClockText() {
        #expect(Timestamp(easternWallClock: "2024-02-30 12:00:00") == nil)
        #expect(Timestamp(easternWallClock: "2024-10-04") == nil)
        #expect(Timestamp(easternWallClock: "2024-10-04 12:00:00Z") == nil)
        #expect(Timestamp(easternWallClock: "2024-10-04 12:00") == nil)
    }

    @Test func ordersAndDescribesByInstant() {
        #expect(ms(1) < ms(2))
        #expect(!(ms(2) < ms(2)))
        #expect(ms(1_728_069_666_000).description == "2024-10-04T19:21:06Z")
    }

    @Test func nowIsAfterThisCodeWasWritten() {
        #expect(Timestamp.now() > ms(1_750_000_000_000))
    }

    @Test func parsesFromBytesExactlyAsFromText() {
        let texts = ["2024-10-04T19:21:06Z", "2024-10-04T19:21:06.120Z", "2024-10-04T15:21:06-04:00", "2024-10-04",
                     "2024-10-04T19:21", "2024-02-30", "2024-10-04T19:21:06Z ", "", "2024-10-04T19:21:06+0530"]
        for text in texts {
            let parsed = Array(text.utf8).withUnsafeBufferPointer { Timestamp(rfc3339: $0) }
            #expect(parsed == Timestamp(rfc3339: text), "\(text)")
        }
        #expect(Array("2024-10-04T19:21:06Z".utf8).withUnsafeBufferPointer { Timestamp(rfc3339: $0) } == ms(1_728_069_666_000))
    }
}

