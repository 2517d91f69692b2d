/// The `Date` header line, re-rendered at most once per second (RFC 9110 IMF-fixdate).
///
/// Responses copy the ready 37 bytes `Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n`; rendering
/// needs no Foundation and no allocation after the first.
struct HTTPDateCache {
    private(set) var line: [UInt8] = Array("Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n".utf8)
    private var second: Int = -1

    /// Renders the line for `secondsSinceEpoch` unless it is the second already rendered.
    mutating func update(secondsSinceEpoch seconds: Int) {
        guard seconds != second else { return }
        second = seconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let timeOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (index 4)
        let names: StaticString = "SunMonTueWedThuFriSat"
        let months: StaticString = "JanFebMarAprMayJunJulAugSepOctNovDec"
        line.withUnsafeMutableBufferPointer { out in
            for k in 0..<3 {
                out[6 + k] = names.utf8Start[weekday * 3 + k]
                out[14 + k] = months.utf8Start[(month - 1) * 3 + k]
            }
            Self.put(day, width: 2, at: 11, in: out)
            Self.put(year, width: 4, at: 18, in: out)
            Self.put(timeOfDay / 3600, width: 2, at: 23, in: out)
            Self.put(timeOfDay / 60 % 60, width: 2, at: 26, in: out)
            Self.put(timeOfDay % 60, width: 2, at: 29, in: out)
        }
    }

    private static func put(_ value: Int, width: Int, at offset: Int, in out: UnsafeMutableBufferPointer<UInt8>) {
        var v = value
        for k in stride(from: width - 1, through: 0, by: -1) {
            out[offset + k] = UInt8(truncatingIfNeeded: v % 10) + 0x30
            v /= 10
        }
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
