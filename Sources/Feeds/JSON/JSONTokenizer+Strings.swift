import LiveState

/// Strings: a run of plain ASCII is skipped eight bytes at a time and left in place; only
/// strings with escapes are decoded, once, into `tape.decoded`.
extension JSONTokenizer {
    /// Reads a member name at `cursor` into `pendingKey`, hashing its decoded bytes.
    mutating func readKeyString(_ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) throws(JSONParseError) {
        let range = try readString(input, &cursor)
        let isDecoded = range.isDecoded
        let hash = isDecoded
            ? tape.decoded.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[range.bytes])) }
            : Self.hash(UnsafeBufferPointer(rebasing: input[range.bytes]))
        pendingKey = PendingKey(hash: hash, start: range.bytes.lowerBound, end: range.bytes.upperBound, isDecoded: isDecoded)
    }

    /// Reads a string value at `cursor` and appends its entry.
    mutating func readStringValue(_ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) throws(JSONParseError) {
        let range = try readString(input, &cursor)
        append(.string, start: range.bytes.lowerBound, end: range.bytes.upperBound, decoded: range.isDecoded)
    }

    /// `JSONKey.hash(of:)` over bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        JSONKey.hash(of: bytes)
    }

    /// Reads the string whose opening quote is at `cursor`, leaving the cursor after the
    /// closing quote; returns where its content is: in the input, or decoded in `tape.decoded`.
    private mutating func readString(
        _ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int
    ) throws(JSONParseError) -> (bytes: Range<Int>, isDecoded: Bool) {
        let start = cursor + 1
        var index = JSONText.plainRunEnd(input, from: start)
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                cursor = index + 1
                return (start..<index, false)
            }
            if byte == UInt8(ascii: "\\") {
                return (try readEscapedString(input, &cursor, plainUntil: index), true)
            }
            if byte < 0x20 {
                throw JSONParseError(.syntax, at: index, "control character \(JSONParseError.describe(byte)) inside a string must be escaped")
            }
            index = byte < 0x80 ? index + 1 : try Self.validateUTF8(input, at: index)
        }
        throw JSONParseError(.syntax, at: input.count, "the message ends inside a string")
    }

    /// The slow path, from the first backslash on.
    /// Decodes the string into `tape.decoded` and returns the decoded bytes' range there.
    private mutating func readEscapedString(
        _ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, plainUntil firstEscape: Int
    ) throws(JSONParseError) -> Range<Int> {
        let decodedStart = tape.decoded.count
        tape.decoded.append(contentsOf: UnsafeBufferPointer(rebasing: input[(cursor + 1)..<firstEscape]))
        var index = firstEscape
        while index < input.count {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "\""):
                cursor = index + 1
                return decodedStart..<tape.decoded.count
            case UInt8(ascii: "\\"):
                index = try readEscape(input, at: index)
            case 0..<0x20:
                throw JSONParseError(.syntax, at: index, "control character \(JSONParseError.describe(byte)) inside a string must be escaped")
            case 0x80...:
                let end = try Self.validateUTF8(input, at: index)
                tape.decoded.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
                index = end
            default:
                tape.decoded.append(byte)
                index += 1
            }
        }
        throw JSONParseError(.syntax, at: input.count, "the message ends inside a string")
    }

    /// Decodes the escape whose backslash is at `start` into `tape.decoded`; returns the next index.
    private mutating func readEscape(_ input: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONParseError) -> Int {
        guard start + 1 < input.count else {
            throw JSONParseError(.syntax, at: input.count, "the message ends inside a string")
        }
        let simple: UInt8
        switch input[start + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            return try readUnicodeEscape(input, at: start)
        default:
            throw JSONParseError(.syntax, at: start + 1, "unknown escape '\\' followed by \(JSONParseError.describe(input[start + 1]))")
        }
        tape.decoded.append(simple)
        return start + 2
    }

    /// `\u` and four hex digits, joining a UTF-16 surrogate pair into one scalar; a lone surrogate is refused
    /// because no Swift string (and no valid UTF-8) can hold it.
    private mutating func readUnicodeEscape(_ input: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONParseError) -> Int {
        let first = try hex4(input, at: start + 2)
        var scalarValue = UInt32(first)
        var next = start + 6
        if (0xD800...0xDBFF).contains(first) {
            guard next + 1 < input.count, input[next] == UInt8(ascii: "\\"), input[next + 1] == UInt8(ascii: "u") else {
                throw JSONParseError(.encoding, at: start, "lone UTF-16 high surrogate \\u\(String(first, radix: 16))")
            }
            let second = try hex4(input, at: next + 2)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONParseError(.encoding, at: next, "UTF-16 high surrogate not followed by a low surrogate")
            }
            scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            next += 6
        } else if (0xDC00...0xDFFF).contains(first) {
            throw JSONParseError(.encoding, at: start, "lone UTF-16 low surrogate \\u\(String(first, radix: 16))")
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw JSONParseError(.encoding, at: start, "escape names no Unicode scalar")
        }
        tape.decoded.append(contentsOf: UTF8.encode(scalar)!)
        return next
    }

    private func hex4(_ input: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONParseError) -> UInt16 {
        guard start + 4 <= input.count else {
            throw JSONParseError(.syntax, at: input.count, "the message ends inside a \\u escape")
        }
        var value: UInt16 = 0
        for index in start..<(start + 4) {
            let byte = input[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.syntax, at: index, "expected a hexadecimal digit in \\u escape but found \(JSONParseError.describe(byte))")
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Checks the multi-byte UTF-8 sequence starting at `start` (RFC 3629: no overlong forms,
    /// no surrogates, nothing above U+10FFFF); returns the index after it.
    static func validateUTF8(_ input: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONParseError) -> Int {
        let lead = input[start]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw JSONParseError(.encoding, at: start, "invalid UTF-8 byte \(JSONParseError.describe(lead))")
        }
        guard start + length <= input.count else {
            throw JSONParseError(.encoding, at: start, "truncated UTF-8 sequence")
        }
        let second = input[start + 1]
        guard second >= low && second <= high else {
            throw JSONParseError(.encoding, at: start + 1, "invalid UTF-8 byte \(JSONParseError.describe(second))")
        }
        for index in (start + 2)..<(start + length) where input[index] & 0xC0 != 0x80 {
            throw JSONParseError(.encoding, at: index, "invalid UTF-8 byte \(JSONParseError.describe(input[index]))")
        }
        return start + length
    }
}
