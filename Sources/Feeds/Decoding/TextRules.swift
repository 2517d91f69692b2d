/// Small text rules shared by the readers: dates, times, numeric text, quoting values in reasons.
enum TextRules {
    /// The string's UTF-8 bytes without a copy when it is native (as every parsed string is).
    static func withBytes<Result>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }

    /// The four JSON whitespace bytes.
    static func isSpace(_ byte: UInt8) -> Bool {
        JSONParser.isSpace(byte)
    }

    /// Whether `text` is a calendar date `YYYY-MM-DD` (February 29 only in leap years).
    static func isCalendarDate(_ text: String) -> Bool {
        withBytes(text) { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
                  (1...12).contains(month), day >= 1 else { return false }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            switch month {
            case 2: return day <= (leap ? 29 : 28)
            case 4, 6, 9, 11: return day <= 30
            default: return day <= 31
            }
        }
    }

    /// Whether `text` is a wall-clock time `HH:MM` or `HH:MM:SS` (a leap second 60 allowed).
    static func isClockTime(_ text: String) -> Bool {
        withBytes(text) { bytes in
            guard bytes.count == 5 || bytes.count == 8, bytes[2] == UInt8(ascii: ":"),
                  let hours = digits(bytes, 0, 2), let minutes = digits(bytes, 3, 2), hours < 24, minutes < 60 else { return false }
            guard bytes.count == 8 else { return true }
            guard bytes[5] == UInt8(ascii: ":"), let seconds = digits(bytes, 6, 2) else { return false }
            return seconds <= 60
        }
    }

    /// `count` ASCII digits at `start` as a number.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// Whether `text` is a plain decimal number: optional sign, digits with an optional point,
    /// optional exponent. Refuses what `Double(_:)` would also take: `nan`, `inf`, hex floats.
    static func isDecimal(_ text: String) -> Bool {
        withBytes(text) { isDecimal($0) }
    }

    /// `isDecimal` over UTF-8 bytes.
    static func isDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var seenPoint = false
        var seenExponent = false
        var previous: UInt8 = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
            case UInt8(ascii: "."):
                guard !seenPoint, !seenExponent else { return false }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !seenExponent, digits > 0 else { return false }
                seenExponent = true
            default: return false
            }
            previous = byte
        }
        return digits > 0 && !"eE+-".utf8.contains(previous)
    }

    /// A value as it should appear in a reason: strings quoted and cut to 40 characters,
    /// control characters shown as `?`, containers by type.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): return quoted(string)
        case .number(let number): return String(number.literal.prefix(40))
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// `"text"`, cut to 40 characters, control characters replaced by `?`.
    static func quoted(_ string: String) -> String {
        var shown = String(string.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        if string.unicodeScalars.count > 40 { shown += "..." }
        return "\"" + shown + "\""
    }
}
