/// A parsed JSON document: what `JSONParser` produces and `jsonBytes` serialises.
///
/// Objects keep their members in document order (duplicates included), so a message can be
/// re-serialised with the shape it arrived in, and a reader can tell an ambiguous duplicate key
/// from a single one. Numbers keep their literal text; they are converted only when read.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its literal.
    case number(JSONNumber)
    /// A string, escapes decoded.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object, members in order.
    case object(JSONObject)

    /// The JSON type's name as used in error messages: `null`, `boolean`, `number`, `string`,
    /// `array` or `object`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The object, or nil for any other type.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The string, or nil for any other type.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }
}
