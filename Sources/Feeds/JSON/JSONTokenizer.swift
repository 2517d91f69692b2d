/// A strict RFC 8259 JSON tokenizer over raw bytes: one pass, iterative and bounded, writing a
/// `JSONTape` instead of a tree.
///
/// Open containers are linked through their own tape entries (never the call stack), nesting
/// beyond `maxDepth` is refused as soon as it is seen, UTF-8 and escapes are validated, and
/// nothing is allocated but the tape (one entry per value) and, for strings with escapes, their
/// decoded bytes. Errors name the byte offset where the problem was noticed.
public struct JSONTokenizer {
    /// Containers deeper than this are refused; upstream messages nest four levels.
    public let maxDepth: Int
    /// How many entries the tape reserves up front (upstream messages hold about 40 values).
    public let initialCapacity: Int
    /// The tape being written.
    var tape = JSONTape()
    /// The member name that the next value gets, set by `readKey` and used up by `append`.
    var pendingKey = PendingKey()

    /// A member name read but not yet attached to its value.
    struct PendingKey {
        var hash: UInt64 = 0
        var start = 0
        var end = 0
        var isDecoded = false
    }

    /// A tokenizer refusing nesting deeper than `maxDepth`.
    public init(maxDepth: Int = 32, initialCapacity: Int = 64) {
        self.maxDepth = max(1, maxDepth)
        self.initialCapacity = max(1, initialCapacity)
    }

    /// Tokenizes exactly one JSON value surrounded by optional whitespace.
    public mutating func tokenize(_ input: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONTape {
        var tape = JSONTape()
        try tokenize(input, into: &tape)
        return tape
    }

    /// Tokenizes like `tokenize(_:)` into `tape`, replacing what it held but keeping its memory,
    /// so a caller that tokenizes message after message (one feed consumer) allocates none.
    /// On a failure `tape` holds a partial tape, good only for the next call.
    public mutating func tokenize(_ input: UnsafeBufferPointer<UInt8>, into tape: inout JSONTape) throws(JSONParseError) {
        // Moved in and back out rather than copied, so the arrays stay uniquely referenced
        // and clearing them keeps their capacity.
        swap(&self.tape, &tape)
        defer { swap(&self.tape, &tape) }
        self.tape.removeAll()
        self.tape.entries.reserveCapacity(initialCapacity)
        self.tape.memberIndex.reserveCapacity(initialCapacity * 2)
        try fill(input)
    }

    /// Writes `input`'s tape into `tape`, which starts empty.
    private mutating func fill(_ input: UnsafeBufferPointer<UInt8>) throws(JSONParseError) {
        pendingKey = PendingKey()
        var cursor = skipWhitespace(input, from: 0)
        // The innermost open container (-1 at the top level); while open, its `next` holds its
        // parent's index, so the tape itself is the stack.
        var open = -1
        var depth = 0
        parsing: while true {
            guard cursor < input.count else { throw truncated(input, open) }
            let byte = input[cursor]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                guard depth < maxDepth else {
                    throw JSONParseError(.tooDeep, at: cursor, "more than \(maxDepth) nested arrays and objects")
                }
                let index = append(isObject ? .object : .array, start: cursor, end: cursor + 1, decoded: false)
                cursor = skipWhitespace(input, from: cursor + 1)
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if cursor < input.count && input[cursor] == closer {
                    cursor += 1
                    tape.entries[index].end = cursor
                } else {
                    tape.entries[index].next = open
                    open = index
                    depth += 1
                    if isObject { try readKey(input, &cursor) }
                    continue parsing
                }
            case UInt8(ascii: "\""):
                try readStringValue(input, &cursor)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = cursor
                try scanNumber(input, &cursor)
                append(.number, start: start, end: cursor, decoded: false)
            default:
                let start = cursor
                let kind = try scanLiteral(input, &cursor)
                append(kind, start: start, end: cursor, decoded: false)
            }
            // After a value: a comma continues the innermost container, its closer ends it.
            while open >= 0 {
                cursor = skipWhitespace(input, from: cursor)
                guard cursor < input.count else { throw truncated(input, open) }
                let byte = input[cursor]
                let isObject = tape.entries[open].kind == .object
                if byte == UInt8(ascii: ",") {
                    cursor = skipWhitespace(input, from: cursor + 1)
                    if isObject { try readKey(input, &cursor) }
                    continue parsing
                }
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard byte == closer else {
                    throw JSONParseError(.syntax, at: cursor, "expected ',' or '\(Character(UnicodeScalar(closer)))' but found \(JSONParseError.describe(byte))")
                }
                cursor += 1
                let parent = tape.entries[open].next
                tape.entries[open].next = tape.entries.count
                tape.entries[open].end = cursor
                if isObject { indexMembers(of: open) }
                open = parent
                depth -= 1
            }
            cursor = skipWhitespace(input, from: cursor)
            guard cursor == input.count else {
                throw JSONParseError(.syntax, at: cursor, "unexpected \(JSONParseError.describe(input[cursor])) after the end of the JSON value")
            }
            return
        }
    }

    /// Appends a value with the pending member name (if any); returns its index.
    @discardableResult
    mutating func append(_ kind: JSONTape.Kind, start: Int, end: Int, decoded: Bool) -> Int {
        let index = tape.entries.count
        tape.entries.append(JSONTape.Entry(
            keyHash: pendingKey.hash, keyStart: pendingKey.start, keyEnd: pendingKey.end, start: start, end: end,
            next: index + 1, kind: kind, valueIsDecoded: decoded, keyIsDecoded: pendingKey.isDecoded))
        pendingKey = PendingKey()
        return index
    }

    /// Builds the member index of the (closed) object at `object`: a table of twice as many
    /// slots as members, rounded up to a power of two.
    private mutating func indexMembers(of object: Int) {
        let end = tape.entries[object].next
        var members = 0
        var member = object + 1
        while member < end {
            members += 1
            member = tape.entries[member].next
        }
        var size = 4
        while size < members * 2 { size *= 2 }
        let start = tape.memberIndex.count
        let mask = size - 1
        tape.memberIndex.append(contentsOf: repeatElement(-1, count: size))
        member = object + 1
        while member < end {
            var slot = JSONTapeView.slot(of: tape.entries[member].keyHash, mask: mask)
            while tape.memberIndex[start + slot] >= 0 { slot = (slot + 1) & mask }
            tape.memberIndex[start + slot] = Int32(truncatingIfNeeded: member)
            member = tape.entries[member].next
        }
        tape.entries[object].indexStart = Int32(truncatingIfNeeded: start)
        tape.entries[object].indexMask = Int32(truncatingIfNeeded: mask)
    }

    /// Reads `"key" :` at `cursor`, leaving the cursor on the member's value.
    private mutating func readKey(_ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) throws(JSONParseError) {
        guard cursor < input.count else { throw truncatedInObject(input) }
        guard input[cursor] == UInt8(ascii: "\"") else {
            throw JSONParseError(.syntax, at: cursor, "expected a member name in double quotes but found \(JSONParseError.describe(input[cursor]))")
        }
        try readKeyString(input, &cursor)
        cursor = skipWhitespace(input, from: cursor)
        guard cursor < input.count else { throw truncatedInObject(input) }
        guard input[cursor] == UInt8(ascii: ":") else {
            throw JSONParseError(.syntax, at: cursor, "expected ':' but found \(JSONParseError.describe(input[cursor]))")
        }
        cursor = skipWhitespace(input, from: cursor + 1)
    }

    /// The index of the first non-whitespace byte from `start`.
    @inline(__always)
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

    private func truncated(_ input: UnsafeBufferPointer<UInt8>, _ open: Int) -> JSONParseError {
        let inside = open < 0 ? "" : (tape.entries[open].kind == .object ? " inside an object" : " inside an array")
        return JSONParseError(.syntax, at: input.count, "the message ends early\(inside)")
    }
}
