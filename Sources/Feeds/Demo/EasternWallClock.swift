import LiveState

/// An instant as US Eastern wall-clock date and time, the way upstream writes rating `date`,
/// `time` and one form of consensus `updated_at`.
///
/// Uses LiveState's own Eastern parser as the reference for daylight saving: of the two
/// candidate offsets (4 and 5 hours behind UTC) it keeps the one whose wall-clock text parses
/// back to the same instant, so the two directions can never disagree.
struct EasternWallClock: Equatable {
    /// `YYYY-MM-DD`.
    let date: String
    /// `HH:MM:SS`.
    let time: String

    init(_ instant: Timestamp) {
        let millis = instant.millisecondsSinceEpoch
        let seconds = millis - ((millis % 1000) + 1000) % 1000
        let daylight = EasternWallClock.candidate(seconds, offsetHours: 4)
        let daylightRoundTrip = Timestamp(easternWallClock: daylight.date + " " + daylight.time)
        (date, time) = daylightRoundTrip?.millisecondsSinceEpoch == seconds
            ? daylight : EasternWallClock.candidate(seconds, offsetHours: 5)
    }

    private static func candidate(_ seconds: Int64, offsetHours: Int64) -> (date: String, time: String) {
        let local = Timestamp(millisecondsSinceEpoch: seconds - offsetHours * 3_600_000).rfc3339
        return (String(local.prefix(10)), String(local.dropFirst(11).prefix(8)))
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    var text: String { date + " " + time }
}
