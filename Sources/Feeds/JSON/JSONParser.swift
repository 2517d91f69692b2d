/// A strict RFC 8259 JSON parser over raw bytes, iterative and bounded.
///
/// Why not Foundation's `JSONDecoder`: it is several times slower on our messages, and how deep
/// it recurses on Linux before giving up is not specified. This parser keeps open containers on
/// an explicit stack (never the call stack), refuses nesting beyond `maxDepth` as soon as it is
/// seen, validates UTF-8 and escapes, and allocates nothing sized by a count the input claims.
/// Numbers are kept as their literal text (`JSONNumber`).
public struct JSONParser {
    /// Containers deeper than this are refused; upstream messages nest four levels.
    public let maxDepth: Int
    /// Member names reused rather than built for every message.
    let knownKeys: JSONKeyTable
    /// Whether string values (not member names) lose leading and trailing ASCII whitespace:
    /// what a lenient reader wants anyway, done here where it costs nothing.
    public let trimsStrings: Bool
    /// Reused for strings with escapes, so only those pay for a second copy.
    var scratch: [UInt8] = []

    /// A parser with its depth limit, names to reuse, and whether it trims string values.
    public init(maxDepth: Int = 32, knownKeys: JSONKeyTable = .empty, trimsStrings: Bool = false) {
        self.maxDepth = max(1, maxDepth)
        self.knownKeys = knownKeys
        self.trimsStrings = trimsStrings
    }

    /// One open array or object while its elements are being parsed.
    struct Frame {
        var isObject: Bool
        var elements: [JSONValue] = []
        var members: [JSONMember] = []
        var key = ""
        var keyHash: UInt64 = 0
    }

    /// Parses exactly one JSON value surrounded by optional whitespace.
    public mutating func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONParseError) { return .success(try parse(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses exactly one JSON value surrounded by optional whitespace.
    public mutating func parse(_ input: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var cursor = skipWhitespace(input, from: 0)
        var stack: [Frame] = []
        parsing: while true {
            guard cursor < input.count else { throw truncated(input, stack) }
            var value: JSONValue
            switch input[cursor] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = input[cursor] == UInt8(ascii: "{")
                guard stack.count < maxDepth else {
                    throw JSONParseError(.tooDeep, at: cursor, "more than \(maxDepth) nested arrays and objects")
                }
                cursor = skipWhitespace(input, from: cursor + 1)
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if cursor < input.count && input[cursor] == closer {
                    cursor += 1
                    value = isObject ? .object(JSONObject()) : .array([])
                } else {
                    var frame = Frame(isObject: isObject)
                    if isObject {
                        frame.members.reserveCapacity(16)
                        try readKey(input, &cursor, into: &frame)
                    }
                    stack.append(frame)
                    continue parsing
                }
            case UInt8(ascii: "\""):
                value = .string(try readString(input, &cursor, trimming: trimsStrings))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try readNumber(input, &cursor))
            default:
                value = try readLiteral(input, &cursor)
            }
            // Attach the value to the innermost open container, closing containers as they end.
            while let top = stack.indices.last {
                if stack[top].isObject {
                    stack[top].members.append(JSONMember(key: stack[top].key, keyHash: stack[top].keyHash, value: value))
                } else {
                    stack[top].elements.append(value)
                }
                cursor = skipWhitespace(input, from: cursor)
                guard cursor < input.count else { throw truncated(input, stack) }
                let byte = input[cursor]
                if byte == UInt8(ascii: ",") {
                    cursor = skipWhitespace(input, from: cursor + 1)
                    if stack[top].isObject { try readKey(input, &cursor, into: &stack[top]) }
                    continue parsing
                }
                let closer = stack[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard byte == closer else {
                    throw JSONParseError(.syntax, at: cursor, "expected ',' or '\(Character(UnicodeScalar(closer)))' but found \(JSONParseError.describe(byte))")
                }
                cursor += 1
                let frame = stack.removeLast()
                value = frame.isObject ? .object(JSONObject(members: frame.members)) : .array(frame.elements)
            }
            cursor = skipWhitespace(input, from: cursor)
            guard cursor == input.count else {
                throw JSONParseError(.syntax, at: cursor, "unexpected \(JSONParseError.describe(input[cursor])) after the end of the JSON value")
            }
            return value
        }
    }

    /// Reads `"key" :` at `cursor`, leaving the cursor on the member's value. Takes only the
    /// frame, not the stack: a second reference to the stack would make every write to it copy.
    private mutating func readKey(_ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, into frame: inout Frame) throws(JSONParseError) {
        guard cursor < input.count else { throw truncatedInObject(input) }
        guard input[cursor] == UInt8(ascii: "\"") else {
            throw JSONParseError(.syntax, at: cursor, "expected a member name in double quotes but found \(JSONParseError.describe(input[cursor]))")
        }
        (frame.key, frame.keyHash) = try readKeyString(input, &cursor)
        cursor = skipWhitespace(input, from: cursor)
        guard cursor < input.count else { throw truncatedInObject(input) }
        guard input[cursor] == UInt8(ascii: ":") else {
            throw JSONParseError(.syntax, at: cursor, "expected ':' but found \(JSONParseError.describe(input[cursor]))")
        }
        cursor = skipWhitespace(input, from: cursor + 1)
    }

    /// The index of the first non-whitespace byte from `start`.
    func skipWhitespace(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < input.count {
            switch input[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return index
            }
        }
        return index
    }

    private func truncatedInObject(_ input: UnsafeBufferPointer<UInt8>) -> JSONParseError {
        JSONParseError(.syntax, at: input.count, "the message ends early inside an object")
    }

    private func truncated(_ input: UnsafeBufferPointer<UInt8>, _ stack: [Frame]) -> JSONParseError {
        let inside = stack.last.map { $0.isObject ? " inside an object" : " inside an array" } ?? ""
        return JSONParseError(.syntax, at: input.count, "the message ends early\(inside)")
    }
}
