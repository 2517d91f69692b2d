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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.rfc3339MaximumLength) { buffer in
            let length = writeRFC3339(to: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<length]))
        }
    }

    /// The longest RFC 3339 form written: `9999-12-31T23:59:59.999Z`.
    static let rfc3339MaximumLength = 24

    /// Writes the RFC 3339 form (clamped as `appendRFC3339(to:)` says) at `target`, which has
    /// room for `rfc3339MaximumLength` bytes; returns the bytes written.
    func writeRFC3339(to target: UnsafeMutablePointer<UInt8>) -> Int {
        let millis = min(max(millisecondsSinceEpoch, Self.rfc3339Minimum.millisecondsSinceEpoch),
                         Self.rfc3339Maximum.millisecondsSinceEpoch)
        var days = millis / 86_400_000
        var msOfDay = millis % 86_400_000
        if msOfDay < 0 { msOfDay += 86_400_000; days -= 1 }
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        func two(_ value: Int64, at offset: Int) {
            target[offset] = UInt8(truncatingIfNeeded: 48 + value / 10)
            target[offset + 1] = UInt8(truncatingIfNeeded: 48 + value % 10)
        }
        two(year / 100, at: 0); two(year % 100, at: 2); target[4] = UInt8(ascii: "-")
        two(month, at: 5); target[7] = UInt8(ascii: "-"); two(day, at: 8); target[10] = UInt8(ascii: "T")
        two(msOfDay / 3_600_000, at: 11); target[13] = UInt8(ascii: ":")
        two(msOfDay / 60_000 % 60, at: 14); target[16] = UInt8(ascii: ":")
        two(msOfDay / 1000 % 60, at: 17)
        let ms = msOfDay % 1000
        guard ms != 0 else {
            target[19] = UInt8(ascii: "Z")
            return 20
        }
        target[19] = UInt8(ascii: ".")
        target[20] = UInt8(truncatingIfNeeded: 48 + ms / 100)
        target[21] = UInt8(truncatingIfNeeded: 48 + ms / 10 % 10)
        target[22] = UInt8(truncatingIfNeeded: 48 + ms % 10)
        target[23] = UInt8(ascii: "Z")
        return 24
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t`/`z` and a space for `T` are
    /// accepted too. A bare date `YYYY-MM-DD` is midnight UTC. Nil for anything else.
    public init?(rfc3339 text: String) {
        var text = text
        guard let milliseconds = text.withUTF8(Self.rfc3339Milliseconds) else { return nil }
        self.init(millisecondsSinceEpoch: milliseconds)
    }

    /// Parses RFC 3339 like `init?(rfc3339:)` from UTF-8 bytes, without making a `String`.
    public init?(rfc3339 bytes: UnsafeBufferPointer<UInt8>) {
        guard let milliseconds = Self.rfc3339Milliseconds(bytes) else { return nil }
        self.init(millisecondsSinceEpoch: milliseconds)
    }

    /// Milliseconds since the epoch of RFC 3339 text, nil when it is not that.
    private static func rfc3339Milliseconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var scanner = DigitScanner(bytes)
        guard let date = scanner.date() else { return nil }
        if scanner.atEnd { return date * 86_400_000 }
        guard scanner.take(anyOf: [84, 116, 32]), let clock = scanner.clock() else { return nil }
        var offsetMinutes: Int64 = 0
        if scanner.take(anyOf: [90, 122]) {
            offsetMinutes = 0
        } else if let sign = scanner.peek, sign == 43 || sign == 45 {
            scanner.advance()
            guard let hours = scanner.digits(2), scanner.take(58), let minutes = scanner.digits(2),
                  hours < 24, minutes < 60 else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (sign == 45 ? -1 : 1)
        } else {
            return nil
        }
        guard scanner.atEnd else { return nil }
        return date * 86_400_000 + clock - offsetMinutes * 60_000
    }

    /// Parses `YYYY-MM-DD HH:MM:SS` as wall-clock time in US Eastern (one format upstream uses
    /// for `updated_at`), applying the US daylight-saving rules in force since 2007.
    public init?(easternWallClock text: String) {
        var text = text
        let parsed: Int64? = text.withUTF8 { bytes in
            var scanner = DigitScanner(bytes)
            guard let days = scanner.date(), scanner.take(anyOf: [32, 84]), let clock = scanner.clock(),
                  scanner.atEnd else { return nil }
            return days * 86_400_000 + clock
        }
        guard let local = parsed else { return nil }
        let offsetHours: Int64 = CivilCalendar.isEasternDaylightTime(localMilliseconds: local) ? 4 : 5
        self.init(millisecondsSinceEpoch: local + offsetHours * 3_600_000)
    }
}
