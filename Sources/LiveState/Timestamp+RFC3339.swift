/// RFC 3339 rendering and parsing without Foundation's formatters (slow, and locale-dependent).
extension Timestamp {
    /// `2024-10-04T19:21:06Z`, or `2024-10-04T19:21:06.250Z` when there are milliseconds.
    public var rfc3339: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendRFC3339(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The earliest instant RFC 3339 can write: 0000-01-01T00:00:00Z.
    public static let rfc3339Minimum = Timestamp(millisecondsSinceEpoch: -62_167_219_200_000)
    /// The latest instant RFC 3339 can write: 9999-12-31T23:59:59.999Z.
    public static let rfc3339Maximum = Timestamp(millisecondsSinceEpoch: 253_402_300_799_999)

    /// Appends the RFC 3339 form to a byte buffer (used when rendering JSON, no String made).
    /// An instant outside years 0000-9999, which RFC 3339 cannot write, is clamped to the
    /// nearest one it can rather than printed as a wrong date.
    public func appendRFC3339(to bytes: inout [UInt8]) {
        let millis = min(max(millisecondsSinceEpoch, Self.rfc3339Minimum.millisecondsSinceEpoch),
                         Self.rfc3339Maximum.millisecondsSinceEpoch)
        var days = millis / 86_400_000
        var msOfDay = millis % 86_400_000
        if msOfDay < 0 { msOfDay += 86_400_000; days -= 1 }
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        func two(_ v: Int64) { bytes.append(UInt8(48 + v / 10)); bytes.append(UInt8(48 + v % 10)) }
        two(year / 100); two(year % 100); bytes.append(45)
        two(month); bytes.append(45); two(day); bytes.append(84)
        two(msOfDay / 3_600_000); bytes.append(58)
        two(msOfDay / 60_000 % 60); bytes.append(58)
        two(msOfDay / 1000 % 60)
        let ms = msOfDay % 1000
        if ms != 0 {
            bytes.append(46)
            bytes.append(UInt8(48 + ms / 100)); bytes.append(UInt8(48 + ms / 10 % 10)); bytes.append(UInt8(48 + ms % 10))
        }
        bytes.append(90)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t`/`z` and a space for `T` are
    /// accepted too. A bare date `YYYY-MM-DD` is midnight UTC. Nil for anything else.
    public init?(rfc3339 text: String) {
        var scanner = DigitScanner(Array(text.utf8))
        guard let date = scanner.date() else { return nil }
        if scanner.atEnd {
            self.init(millisecondsSinceEpoch: date * 86_400_000)
            return
        }
        guard scanner.take(anyOf: [84, 116, 32]), let clock = scanner.clock() else { return nil }
        var offsetMinutes: Int64 = 0
        if scanner.take(anyOf: [90, 122]) {
            offsetMinutes = 0
        } else if let sign = scanner.peek, sign == 43 || sign == 45 {
            scanner.advance()
            guard let hours = scanner.digits(2), scanner.take(anyOf: [58]), let minutes = scanner.digits(2),
                  hours < 24, minutes < 60 else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (sign == 45 ? -1 : 1)
        } else {
            return nil
        }
        guard scanner.atEnd else { return nil }
        self.init(millisecondsSinceEpoch: date * 86_400_000 + clock - offsetMinutes * 60_000)
    }

    /// Parses `YYYY-MM-DD HH:MM:SS` as wall-clock time in US Eastern (one format upstream uses
    /// for `updated_at`), applying the US daylight-saving rules in force since 2007.
    public init?(easternWallClock text: String) {
        var scanner = DigitScanner(Array(text.utf8))
        guard let days = scanner.date(), scanner.take(anyOf: [32, 84]), let clock = scanner.clock(),
              scanner.atEnd else { return nil }
        let local = days * 86_400_000 + clock
        let offsetHours: Int64 = CivilCalendar.isEasternDaylightTime(localMilliseconds: local) ? 4 : 5
        self.init(millisecondsSinceEpoch: local + offsetHours * 3_600_000)
    }
}
