import LiveState

/// Strings: the fast path copies a run of plain ASCII once; escapes go through `scratch`.
extension JSONParser {
    /// Reads a member name at `cursor` with its `JSONKey` hash; a name in `knownKeys` is not
    /// built again.
    mutating func readKeyString(_ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) throws(JSONParseError) -> (String, UInt64) {
        let start = cursor + 1
        let end = Self.scanPlain(input, from: start)
        if end < input.count && input[end] == UInt8(ascii: "\"") {
            let bytes = UnsafeBufferPointer(rebasing: input[start..<end])
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            cursor = end + 1
            return (knownKeys.name(hash: hash, bytes: bytes) ?? String(decoding: bytes, as: UTF8.self), hash)
        }
        let key = try readString(input, &cursor, trimming: false)
        return (key, JSONKey.hash(of: key))
    }

    /// Reads the string whose opening quote is at `cursor`; leaves the cursor after the closing
    /// quote. With `trimming`, leading and trailing ASCII whitespace is left out.
    mutating func readString(_ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, trimming: Bool) throws(JSONParseError) -> String {
        let start = cursor + 1
        var index = Self.scanPlain(input, from: start)
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                cursor = index + 1
                return Self.string(UnsafeBufferPointer(rebasing: input[start..<index]), trimming: trimming)
            }
            if byte == UInt8(ascii: "\\") {
                return try readEscapedString(input, &cursor, plainUntil: index, trimming: trimming)
            }
            if byte < 0x20 {
                throw JSONParseError(.syntax, at: index, "control character \(JSONParseError.describe(byte)) inside a string must be escaped")
            }
            index = byte < 0x80 ? index + 1 : try Self.validateUTF8(input, at: index)
        }
        throw JSONParseError(.syntax, at: input.count, "the message ends inside a string")
    }

    /// The slow path, from the first backslash on.
    private mutating func readEscapedString(
        _ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, plainUntil firstEscape: Int, trimming: Bool
    ) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[(cursor + 1)..<firstEscape]))
        var index = firstEscape
        while index < input.count {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "\""):
                cursor = index + 1
                return scratch.withUnsafeBufferPointer { Self.string($0, trimming: trimming) }
            case UInt8(ascii: "\\"):
                index = try readEscape(input, at: index)
            case 0..<0x20:
                throw JSONParseError(.syntax, at: index, "control character \(JSONParseError.describe(byte)) inside a string must be escaped")
            case 0x80...:
                let end = try Self.validateUTF8(input, at: index)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
                index = end
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw JSONParseError(.syntax, at: input.count, "the message ends inside a string")
    }

    /// Decodes the escape whose backslash is at `start` into `scratch`; returns the next index.
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
        scratch.append(simple)
        return start + 2
    }

    /// `\uXXXX`, joining a UTF-16 surrogate pair into one scalar; a lone surrogate is refused
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
        scratch.append(contentsOf: UTF8.encode(scalar)!)
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

    /// Validated UTF-8 bytes as a string, optionally without surrounding ASCII whitespace.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, trimming: Bool) -> String {
        guard trimming else { return String(decoding: bytes, as: UTF8.self) }
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The four JSON whitespace bytes.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The end of a run of plain ASCII string content (see `JSONText.plainRunEnd`).
    @inline(__always)
    static func scanPlain(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        JSONText.plainRunEnd(input, from: start)
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
