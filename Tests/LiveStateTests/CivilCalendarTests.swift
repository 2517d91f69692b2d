import Testing
@testable import LiveState

@Suite struct CivilCalendarTests {
    @Test func countsDaysFromTheEpoch() {
        #expect(CivilCalendar.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.days(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilCalendar.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilCalendar.days(year: 0, month: 1, day: 1) == -719_528)
    }

    @Test func convertsEveryDayOfFourCenturiesBothWays() {
        var expected = CivilCalendar.days(year: 1800, month: 1, day: 1)
        for year: Int64 in 1800..<2200 {
            for month: Int64 in 1...12 {
                for day in 1...CivilCalendar.daysInMonth(year: year, month: month) {
                    #expect(CivilCalendar.days(year: year, month: month, day: day) == expected)
                    let civil = CivilCalendar.civil(fromDays: expected)
                    if civil != (year, month, day) { Issue.record("\(expected) -> \(civil)") }
                    expected += 1
                }
            }
        }
    }

    @Test func knowsMonthLengthsAndLeapYears() {
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 2023, month: 2) == 28)
        #expect(CivilCalendar.daysInMonth(year: 1900, month: 2) == 28)
        #expect(CivilCalendar.daysInMonth(year: 2000, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 4) == 30)
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 12) == 31)
    }

    @Test func placesDaylightTimeBoundariesAtTwoInTheMorning() {
        let start = CivilCalendar.days(year: 2025, month: 3, day: 9) * 86_400_000 + 2 * 3_600_000
        #expect(!CivilCalendar.isEasternDaylightTime(localMilliseconds: start - 1))
        #expect(CivilCalendar.isEasternDaylightTime(localMilliseconds: start))
        let end = CivilCalendar.days(year: 2025, month: 11, day: 2) * 86_400_000 + 2 * 3_600_000
        #expect(CivilCalendar.isEasternDaylightTime(localMilliseconds: end - 1))
        #expect(!CivilCalendar.isEasternDaylightTime(localMilliseconds: end))
    }

    @Test func handlesDaylightTimeBeforeTheEpoch() {
        let summer1969 = CivilCalendar.days(year: 1969, month: 7, day: 1) * 86_400_000
        let winter1969 = CivilCalendar.days(year: 1969, month: 12, day: 31) * 86_400_000
        #expect(CivilCalendar.isEasternDaylightTime(localMilliseconds: summer1969))
        #expect(!CivilCalendar.isEasternDaylightTime(localMilliseconds: winter1969))
    }
}
