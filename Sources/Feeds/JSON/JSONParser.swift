/// A strict RFC 8259 JSON parser over raw bytes that builds a `JSONValue` tree: `JSONTokenizer`
/// followed by `JSONTapeView.value`, so both refuse exactly the same documents with the same
/// errors.
///
/// Why not Foundation's `JSONDecoder`: it is several times slower on our messages, and how deep
/// it recurses on Linux before giving up is not specified. Neither step here recurses, nesting
/// beyond `maxDepth` is refused as soon as it is seen, UTF-8 and escapes are validated, and
/// nothing is allocated sized by a count the input claims. Numbers are kept as their literal
/// text (`JSONNumber`). Feed decoding reads the tape directly and builds no tree at all.
public struct JSONParser {
    /// Containers deeper than this are refused; upstream messages nest four levels.
    public let maxDepth: Int
    /// Member names reused rather than built for every message.
    let knownKeys: JSONKeyTable
    /// Whether string values (not member names) lose leading and trailing ASCII whitespace.
    public let trimsStrings: Bool

    /// A parser with its depth limit, names to reuse, and whether it trims string values.
    public init(maxDepth: Int = 32, knownKeys: JSONKeyTable = .empty, trimsStrings: Bool = false) {
        self.maxDepth = max(1, maxDepth)
        self.knownKeys = knownKeys
        self.trimsStrings = trimsStrings
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
        var tokenizer = JSONTokenizer(maxDepth: maxDepth)
        let tape = try tokenizer.tokenize(input)
        return tape.withView(over: input) { $0.value(0, trimming: trimsStrings, knownKeys: knownKeys) }
    }

    /// The four JSON whitespace bytes.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
