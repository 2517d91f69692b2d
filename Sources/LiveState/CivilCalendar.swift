/// Proleptic Gregorian date arithmetic on day numbers (days since 1970-01-01), after Howard
/// Hinnant's `days_from_civil`/`civil_from_days`: exact for every year, no tables, no Foundation.
enum CivilCalendar {
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// US Eastern daylight time runs from 02:00 local on the second Sunday of March to 02:00
    /// local on the first Sunday of November (rules since 2007).
    static func isEasternDaylightTime(localMilliseconds: Int64) -> Bool {
        let days = localMilliseconds >= 0 ? localMilliseconds / 86_400_000 : (localMilliseconds - 86_399_999) / 86_400_000
        let year = civil(fromDays: days).year
        let start = nthSunday(2, year: year, month: 3) * 86_400_000 + 2 * 3_600_000
        let end = nthSunday(1, year: year, month: 11) * 86_400_000 + 2 * 3_600_000
        return localMilliseconds >= start && localMilliseconds < end
    }

    private static func nthSunday(_ n: Int64, year: Int64, month: Int64) -> Int64 {
        let first = days(year: year, month: month, day: 1)
        let weekday = ((first % 7) + 11) % 7  // 1970-01-01 was a Thursday; 0 = Sunday
        let firstSunday = first + (7 - weekday) % 7
        return firstSunday + (n - 1) * 7
    }
}
