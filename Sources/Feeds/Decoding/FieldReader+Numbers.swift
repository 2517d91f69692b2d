import LiveState

/// Numbers: JSON numbers and numeric strings alike, since upstream sends both for the same
/// fields (`pt_current: "200.00"`, `importance: "3"`). Text that is not a number is a wrong type;
/// a number outside what the field allows is out of range.
extension FieldReader {
    /// The field as a double, from a JSON number or a numeric string; nil when absent or `""`.
    /// The double may be infinite (`1e999`): callers check their range.
    func number(_ key: JSONKey, expected: String) throws(DecodeFailure) -> Double? {
        guard let value = try value(key) else { return nil }
        switch tape.kind(value) {
        case .number:
            if let double = tape.double(value) { return double }
        case .string:
            let text = tape.trimmedBytes(value)
            if text.isEmpty { return nil }
            if TextRules.isDecimal(text), let double = DecimalText.double(text) { return double }
        default:
            break
        }
        throw wrongType(key, expected, value)
    }

    /// A price target: a finite, non-negative number; `""` is no price.
    func price(_ key: JSONKey) throws(DecodeFailure) -> Double? {
        guard let price = try number(key, expected: "a price (a number or a numeric string)") else { return nil }
        guard price.isFinite, price >= 0, price < 1e15 else {
            throw outOfRange(key, "a price from 0 to 10^15", try value(key))
        }
        return price
    }

    /// `importance`: an integer 0-5 from a number or a numeric string. Anything else refuses the
    /// whole record: a producer that sends `"high"` or `9` cannot be trusted on the rest of it.
    func importance(_ key: JSONKey) throws(DecodeFailure) -> Int? {
        guard let value = try number(key, expected: "an integer 0-5") else { return nil }
        guard value >= 0, value <= 5, value == value.rounded() else {
            throw outOfRange(key, "an integer 0-5", try self.value(key))
        }
        return Int(value)
    }

    /// A non-negative whole count (`total_analyst_count`).
    func count(_ key: JSONKey) throws(DecodeFailure) -> Int? {
        guard let value = try number(key, expected: "a whole number") else { return nil }
        guard value >= 0, value < 1e15, value == value.rounded() else {
            throw outOfRange(key, "a whole number from 0", try self.value(key))
        }
        return Int(value)
    }

    /// A non-negative finite number: a bucket of `aggregate_ratings`, a count or (with
    /// `aggregate_type=percentage`) a share of the total.
    func share(_ key: JSONKey) throws(DecodeFailure) -> Double? {
        guard let value = try number(key, expected: "a number") else { return nil }
        guard value.isFinite, value >= 0, value < 1e15 else {
            throw outOfRange(key, "a number from 0", try self.value(key))
        }
        return value
    }

    /// `consensus_rating_val`: the mean score on Benzinga's 1-5 scale (0 tolerated as "none").
    func score(_ key: JSONKey) throws(DecodeFailure) -> Double? {
        guard let value = try number(key, expected: "a number 1-5") else { return nil }
        guard value.isFinite, value >= 0, value <= 5 else {
            throw outOfRange(key, "a number 1-5", try self.value(key))
        }
        return value
    }

    /// `updated`: Unix seconds or milliseconds (the insights example uses milliseconds), as a
    /// number or a numeric string, between 1970 and 9999.
    func epoch(_ key: JSONKey) throws(DecodeFailure) -> Timestamp? {
        guard let value = try value(key) else { return nil }
        if let integer = tape.int64(value) {
            return try epochTimestamp(key, Double(integer), exact: integer, value)
        }
        guard let double = try number(key, expected: "Unix seconds or milliseconds") else { return nil }
        return try epochTimestamp(key, double, exact: nil, value)
    }

    private func epochTimestamp(_ key: JSONKey, _ double: Double, exact: Int64?, _ value: Int) throws(DecodeFailure) -> Timestamp {
        let latestMilliseconds: Double = 253_402_300_799_999  // 9999-12-31T23:59:59.999Z
        guard double.isFinite, double >= 0, double <= latestMilliseconds else {
            throw outOfRange(key, "Unix seconds or milliseconds from 1970 to 9999", value)
        }
        if let exact { return Timestamp(epochSecondsOrMilliseconds: exact) }
        let milliseconds = double > 100_000_000_000 ? double : double * 1000
        return Timestamp(millisecondsSinceEpoch: Int64(milliseconds.rounded()))
    }

    /// The failure for a number outside what the field allows.
    func outOfRange(_ key: JSONKey, _ expected: String, _ value: Int?) -> DecodeFailure {
        DecodeFailure(.outOfRange, "\(path.naming(key)): expected \(expected), got \(value.map(describe) ?? "null")")
    }
}
