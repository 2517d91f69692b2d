/// Typed, lenient reads of one JSON object's fields, each failure naming the field's path.
///
/// Leniency rules shared by every stream: `null` is the same as absent; strings are trimmed and
/// an empty string is absent; a key given twice is refused as ambiguous (which copy would a
/// proxy or another parser have used?). Unknown keys are ignored, since upstream adds fields.
struct FieldReader {
    /// The object read from.
    let object: JSONObject
    /// Where the object sits, for reasons.
    let path: FieldPath
    /// Length limits of strings.
    let limits: FeedLimits

    /// Reads `object`, found at `path`.
    init(_ object: JSONObject, path: FieldPath, limits: FeedLimits) {
        self.object = object
        self.path = path
        self.limits = limits
    }

    /// The value of `key`, nil when absent or `null`.
    func value(_ key: JSONKey) throws(DecodeFailure) -> JSONValue? {
        switch object.lookup(key) {
        case .absent, .found(.null): return nil
        case .found(let value): return value
        case .duplicated: throw DecodeFailure(.ambiguous, "\(path.naming(key)) is given more than once")
        }
    }

    /// Whether `key` holds anything but `null`.
    func has(_ key: JSONKey) throws(DecodeFailure) -> Bool {
        try value(key) != nil
    }

    /// A nested object read with the given path, nil when absent.
    func object(_ key: JSONKey, path childPath: FieldPath) throws(DecodeFailure) -> FieldReader? {
        guard let value = try value(key) else { return nil }
        guard case .object(let child) = value else { throw wrongType(key, "an object", value) }
        return FieldReader(child, path: childPath, limits: limits)
    }

    /// A string field, at most `maxFieldBytes` (the decoder's parser has trimmed it already). A
    /// number is taken as its literal text (identifiers such as a CUSIP sometimes arrive
    /// unquoted); booleans, arrays and objects are refused.
    func string(_ key: JSONKey) throws(DecodeFailure) -> String? {
        try string(key, maxBytes: limits.maxFieldBytes)
    }

    /// Free text (`notes`, `analyst_insights`), at most `maxTextBytes`.
    func text(_ key: JSONKey) throws(DecodeFailure) -> String? {
        try string(key, maxBytes: limits.maxTextBytes)
    }

    /// A string field at most `maxBytes` long.
    func string(_ key: JSONKey, maxBytes: Int) throws(DecodeFailure) -> String? {
        guard let value = try value(key) else { return nil }
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let number): text = number.literal
        default: throw wrongType(key, "a string", value)
        }
        guard text.utf8.count <= maxBytes else {
            throw DecodeFailure(.tooLarge, "\(path.naming(key)) is \(text.utf8.count) bytes, over the limit of \(maxBytes)")
        }
        return text.isEmpty ? nil : text
    }

    /// An identifier (`data.id`, `firm_id`, ...): at most `maxIdentifierBytes`, no control
    /// characters (ids end up in URLs, logs and SSE `id:` lines).
    func identifier(_ key: JSONKey) throws(DecodeFailure) -> String? {
        guard let text = try string(key, maxBytes: limits.maxIdentifierBytes) else { return nil }
        guard !TextRules.withBytes(text, { $0.contains { $0 < 0x20 || $0 == 0x7F } }) else {
            throw DecodeFailure(.invalidValue, "\(path.naming(key)) contains a control character")
        }
        return text
    }

    /// The failure for a field whose JSON type no lenient reading accepts.
    func wrongType(_ key: JSONKey, _ expected: String, _ value: JSONValue) -> DecodeFailure {
        DecodeFailure(.wrongType, "\(path.naming(key)): expected \(expected), got \(TextRules.describe(value))")
    }

    /// The failure for a required field that is absent, null or empty.
    func missing(_ key: JSONKey) -> DecodeFailure {
        DecodeFailure(.missingField, "\(path.naming(key)) is missing")
    }
}
