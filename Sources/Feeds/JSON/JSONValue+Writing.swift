import LiveState

/// Serialising a `JSONValue` back to compact JSON through LiveState's `JSONWriter`, members in
/// their order and numbers as their literal text, so a parsed message keeps its shape.
///
/// Used by demo mode to re-write fixture lines; recursion depth is that of the value, which the
/// parser bounds (`JSONParser.maxDepth`) for every value that came from outside.
extension JSONValue {
    /// The value as compact UTF-8 JSON.
    public var jsonBytes: [UInt8] {
        var json = JSONWriter(capacity: 1024)
        write(into: &json)
        return json.bytes
    }

    /// Appends the value's compact JSON.
    public func write(into json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let flag): json.bool(flag)
        case .number(let number): json.numberLiteral(number.literal)
        case .string(let string): json.string(string)
        case .array(let elements):
            json.byte(UInt8(ascii: "["))
            for index in elements.indices {
                if index > 0 { json.comma() }
                elements[index].write(into: &json)
            }
            json.byte(UInt8(ascii: "]"))
        case .object(let object):
            json.byte(UInt8(ascii: "{"))
            for index in object.members.indices {
                if index > 0 { json.comma() }
                json.key(escaping: object.members[index].key)
                object.members[index].value.write(into: &json)
            }
            json.byte(UInt8(ascii: "}"))
        }
    }
}
