import LiveState

/// An instant as US Eastern wall-clock date and time, the way upstream writes rating `date`,
/// `time` and one form of consensus `updated_at`.
///
/// Daylight time runs from the second Sunday of March 07:00 UTC (02:00 EST) to the first Sunday
/// of November 06:00 UTC (02:00 EDT), the rules since 2007 that LiveState's
/// `Timestamp(easternWallClock:)` applies in the other direction. Deciding on the UTC instant
/// (rather than on a candidate local time) is what keeps the skipped spring hour and the
/// repeated autumn hour right.
struct EasternWallClock: Equatable {
    /// `YYYY-MM-DD`.
    let date: String
    /// `HH:MM:SS`.
    let time: String

    /// A wall-clock reading given as text.
    init(date: String, time: String) {
        self.date = date
        self.time = time
    }

    /// The reading of a US Eastern clock at `instant` (to the second).
    init(_ instant: Timestamp) {
        let millis = instant.millisecondsSinceEpoch
        let seconds = millis - ((millis % 1000) + 1000) % 1000
        let year = String(Timestamp(millisecondsSinceEpoch: seconds).rfc3339.prefix(4))
        let offsetHours: Int64 = EasternWallClock.daylightTime(year: year).contains(seconds) ? 4 : 5
        let local = Timestamp(millisecondsSinceEpoch: seconds - offsetHours * 3_600_000).rfc3339
        self.init(date: String(local.prefix(10)), time: String(local.dropFirst(11).prefix(8)))
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    var text: String { date + " " + time }

    /// The UTC milliseconds during which US Eastern observes daylight time in `year`.
    static func daylightTime(year: String) -> Range<Int64> {
        guard let march = Timestamp(rfc3339: year + "-03-01"), let november = Timestamp(rfc3339: year + "-11-01") else {
            return 0..<0
        }
        let day: Int64 = 86_400_000
        let start = (firstSunday(onOrAfter: march.millisecondsSinceEpoch / day) + 7) * day + 7 * 3_600_000
        let end = firstSunday(onOrAfter: november.millisecondsSinceEpoch / day) * day + 6 * 3_600_000
        return start..<end
    }

    /// 1970-01-01 was a Thursday; weekday 0 is Sunday.
    private static func firstSunday(onOrAfter days: Int64) -> Int64 {
        let weekday = ((days % 7) + 7 + 4) % 7
        return days + (7 - weekday) % 7
    }
}
