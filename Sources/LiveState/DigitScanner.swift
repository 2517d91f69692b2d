/// A cursor over ASCII bytes for the fixed-width date and time grammars of `Timestamp`.
///
/// Reads the caller's bytes in place (valid only while they are), so parsing a timestamp
/// allocates nothing.
struct DigitScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func advance() { index += 1 }

    mutating func take(anyOf choices: [UInt8]) -> Bool {
        guard let byte = peek, choices.contains(byte) else { return false }
        index += 1
        return true
    }

    /// Takes one byte equal to `expected`.
    mutating func take(_ expected: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == expected else { return false }
        index += 1
        return true
    }

    /// Exactly `count` ASCII digits as a number.
    mutating func digits(_ count: Int) -> Int64? {
        guard index + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for position in index..<index + count {
            let byte = bytes[position]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        index += count
        return value
    }

    /// `YYYY-MM-DD` as days since the epoch, checked against the calendar.
    mutating func date() -> Int64? {
        guard let year = digits(4), take(45), let month = digits(2), take(45),
              let day = digits(2), (1...12).contains(month),
              day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }

    /// `HH:MM:SS[.fraction]` as milliseconds into the day (a leap second 60 is clamped to 59).
    mutating func clock() -> Int64? {
        guard let hours = digits(2), take(58), let minutes = digits(2), take(58),
              let seconds = digits(2), hours < 24, minutes < 60, seconds <= 60 else { return nil }
        var millis: Int64 = 0
        if take(46) {
            var scale: Int64 = 100
            var any = false
            while let byte = peek, byte >= 48, byte <= 57 {
                millis += Int64(byte - 48) * scale
                scale /= 10
                index += 1
                any = true
            }
            guard any else { return nil }
        }
        return ((hours * 60 + minutes) * 60 + min(seconds, 59)) * 1000 + millis
    }
}
