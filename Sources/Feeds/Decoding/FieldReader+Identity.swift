import LiveState

/// Fields with a grammar of their own: tickers, ISINs, dates, times and instants.
extension FieldReader {
    /// A ticker, upper-cased and checked (`TickerSymbol`); a bad one refuses the record.
    func ticker(_ key: JSONKey) throws(DecodeFailure) -> String? {
        guard let text = try string(key) else { return nil }
        guard let ticker = TickerSymbol.normalized(text) else {
            throw DecodeFailure(.invalidTicker, "\(path.naming(key)): \(TextRules.quoted(text)) is not a ticker (1-16 of A-Z 0-9 . - /)")
        }
        return ticker
    }

    /// An ISIN, upper-cased and checked with its check digit. On a record it is secondary
    /// (`strict: false`): a bad one is dropped rather than held, since it only serves to tie
    /// consensus messages and a wrong tie is worse than none. As a consensus tie it is refused.
    func isin(_ key: JSONKey, strict: Bool) throws(DecodeFailure) -> String? {
        guard let text = try string(key) else { return nil }
        if let isin = ISIN.normalized(text) { return isin }
        guard strict else { return nil }
        throw DecodeFailure(.invalidValue, "\(path.naming(key)): \(TextRules.quoted(text)) is not an ISIN")
    }

    /// A calendar date `YYYY-MM-DD` (checked against the calendar), kept as text.
    func date(_ key: JSONKey) throws(DecodeFailure) -> String? {
        guard let text = try string(key) else { return nil }
        guard TextRules.isCalendarDate(text) else {
            throw DecodeFailure(.invalidValue, "\(path.naming(key)): expected a date YYYY-MM-DD, got \(TextRules.quoted(text))")
        }
        return text
    }

    /// A wall-clock time `HH:MM:SS` (`HH:MM` gets `:00`), kept as text.
    func time(_ key: JSONKey) throws(DecodeFailure) -> String? {
        guard let text = try string(key) else { return nil }
        guard TextRules.isClockTime(text) else {
            throw DecodeFailure(.invalidValue, "\(path.naming(key)): expected a time HH:MM:SS, got \(TextRules.quoted(text))")
        }
        return text.utf8.count == 5 ? text + ":00" : text
    }

    /// An instant: RFC 3339 text (`2024-10-04T19:21:06Z`), or with `easternWallClock` also
    /// `YYYY-MM-DD HH:MM:SS` in US Eastern (one form of consensus `updated_at`); a number is
    /// taken as Unix seconds or milliseconds.
    func instant(_ key: JSONKey, easternWallClock: Bool = false) throws(DecodeFailure) -> Timestamp? {
        guard let value = try value(key) else { return nil }
        switch tape.kind(value) {
        case .number:
            return try epoch(key)
        case .string:
            // The commonest form parses from the bytes; a String is made only past it.
            let bytes = tape.trimmedBytes(value)
            if bytes.isEmpty { return nil }
            if let instant = Timestamp(rfc3339: bytes) { return instant }
            let text = String(decoding: bytes, as: UTF8.self)
            if easternWallClock, let instant = Timestamp(easternWallClock: text) { return instant }
            let expected = easternWallClock ? "an RFC 3339 timestamp or YYYY-MM-DD HH:MM:SS (US Eastern)" : "an RFC 3339 timestamp"
            throw DecodeFailure(.invalidValue, "\(path.naming(key)): expected \(expected), got \(TextRules.quoted(text))")
        default:
            throw wrongType(key, "a timestamp", value)
        }
    }
}
