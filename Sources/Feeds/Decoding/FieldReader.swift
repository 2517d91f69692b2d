/// Typed, lenient reads of one JSON object's fields, each failure naming the field's path.
///
/// Leniency rules shared by every stream: `null` is the same as absent; strings are trimmed and
/// an empty string is absent; a key given twice is refused as ambiguous (which copy would a
/// proxy or another parser have used?). Unknown keys are ignored, since upstream adds fields.
///
/// Reads straight from a `JSONTape`: a lookup compares hashes of member names, and a value
/// becomes a `String` or a `Double` only when a decoder keeps it.
struct FieldReader {
    /// The tape and the message's bytes.
    let tape: JSONTapeView
    /// The entry of the object read from.
    let object: Int
    /// Where the object sits, for reasons.
    let path: FieldPath
    /// Length limits of strings.
    let limits: FeedLimits
    /// Where repeating values (`string`, `repeatingIdentifier`) are shared from message to
    /// message; nil makes every value a fresh string.
    let strings: StringInterner?

    /// Reads the object at entry `object` of `tape`, found at `path`.
    init(_ tape: JSONTapeView, object: Int, path: FieldPath, limits: FeedLimits, strings: StringInterner? = nil) {
        self.tape = tape
        self.object = object
        self.path = path
        self.limits = limits
        self.strings = strings
    }

    /// The entry of `key`'s value, nil when absent or `null`.
    func value(_ key: JSONKey) throws(DecodeFailure) -> Int? {
        switch tape.lookup(key, in: object) {
        case .absent: return nil
        case .found(let index): return tape.kind(index) == .null ? nil : index
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
        guard tape.kind(value) == .object else { throw wrongType(key, "an object", value) }
        return FieldReader(tape, object: value, path: childPath, limits: limits, strings: strings)
    }

    /// A string field, at most `maxFieldBytes` (the decoder's parser has trimmed it already). A
    /// number is taken as its literal text (identifiers such as a CUSIP sometimes arrive
    /// unquoted); booleans, arrays and objects are refused. Short fields (names, words, URLs)
    /// repeat from message to message, so they are shared through `strings`.
    func string(_ key: JSONKey) throws(DecodeFailure) -> String? {
        guard let bytes = try textBytes(key, maxBytes: limits.maxFieldBytes) else { return nil }
        return shared(bytes)
    }

    /// Free text (`notes`, `analyst_insights`), at most `maxTextBytes`.
    func text(_ key: JSONKey) throws(DecodeFailure) -> String? {
        try string(key, maxBytes: limits.maxTextBytes)
    }

    /// A string field at most `maxBytes` long.
    func string(_ key: JSONKey, maxBytes: Int) throws(DecodeFailure) -> String? {
        guard let bytes = try textBytes(key, maxBytes: maxBytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The trimmed bytes of a string field (or a number's literal) at most `maxBytes` long; nil
    /// when absent, `null` or empty. Valid only while the tape is.
    func textBytes(_ key: JSONKey, maxBytes: Int) throws(DecodeFailure) -> UnsafeBufferPointer<UInt8>? {
        guard let value = try value(key) else { return nil }
        let bytes: UnsafeBufferPointer<UInt8>
        switch tape.kind(value) {
        case .string: bytes = tape.trimmedBytes(value)
        case .number: bytes = tape.bytes(value)
        default: throw wrongType(key, "a string", value)
        }
        guard bytes.count <= maxBytes else {
            throw DecodeFailure(.tooLarge, "\(path.naming(key)) is \(bytes.count) bytes, over the limit of \(maxBytes)")
        }
        return bytes.isEmpty ? nil : bytes
    }

    /// An identifier (`data.id`, `firm_id`, ...): at most `maxIdentifierBytes`, no control
    /// characters (ids end up in URLs, logs and SSE `id:` lines).
    func identifier(_ key: JSONKey) throws(DecodeFailure) -> String? {
        guard let bytes = try identifierBytes(key) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An identifier that names something many records share (a firm, an analyst, a
    /// security's CUSIP), shared through `strings` like short fields; record ids are not.
    func repeatingIdentifier(_ key: JSONKey) throws(DecodeFailure) -> String? {
        guard let bytes = try identifierBytes(key) else { return nil }
        return shared(bytes)
    }

    /// The bytes of an identifier, checked for length and control characters.
    private func identifierBytes(_ key: JSONKey) throws(DecodeFailure) -> UnsafeBufferPointer<UInt8>? {
        guard let bytes = try textBytes(key, maxBytes: limits.maxIdentifierBytes) else { return nil }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            throw DecodeFailure(.invalidValue, "\(path.naming(key)) contains a control character")
        }
        return bytes
    }

    /// The string of `bytes`, from `strings` when there is one.
    private func shared(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        strings?.string(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The failure for a field whose JSON type no lenient reading accepts.
    func wrongType(_ key: JSONKey, _ expected: String, _ value: Int) -> DecodeFailure {
        DecodeFailure(.wrongType, "\(path.naming(key)): expected \(expected), got \(describe(value))")
    }

    /// The value at entry `value` as a reason shows it (`TextRules.describe`); strings as the
    /// decoder reads them, trimmed.
    func describe(_ value: Int) -> String {
        switch tape.kind(value) {
        case .array: return "an array"
        case .object: return "an object"
        default: return TextRules.describe(tape.value(value, trimming: true))
        }
    }

    /// The failure for a required field that is absent, null or empty.
    func missing(_ key: JSONKey) -> DecodeFailure {
        DecodeFailure(.missingField, "\(path.naming(key)) is missing")
    }
}
