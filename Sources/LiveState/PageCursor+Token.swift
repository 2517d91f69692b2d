/// The opaque form of a cursor: base64url (no padding) of `v2` and the four fields, each as its
/// UTF-8 length, `:` and its bytes, one per line.
///
/// Length prefixes make any field content safe (a date or id holding a newline cannot split
/// the token wrongly). Decoding is strict: the only tokens accepted are exactly those `token`
/// makes, so a client cannot forge a near-miss that parses differently.
extension PageCursor {
    /// The token to hand to clients as `next_cursor`.
    public var token: String {
        var plain: [UInt8] = Array("v2".utf8)
        for field in [date, time, String(updatedMilliseconds), id] {
            plain.append(UInt8(ascii: "\n"))
            plain.append(contentsOf: String(field.utf8.count).utf8)
            plain.append(UInt8(ascii: ":"))
            plain.append(contentsOf: field.utf8)
        }
        return Base64URL.encode(plain)
    }

    /// Decodes a token made by `token`; nil for anything else (the API answers 400).
    public init?(token: String) {
        guard !token.isEmpty, token.utf8.count <= Self.maxTokenLength,
              let plain = Base64URL.decode(token) else { return nil }
        var reader = TokenReader(bytes: plain)
        guard reader.expect(Array("v2".utf8)),
              let date = reader.field(), let time = reader.field(),
              let updatedText = reader.field(), let id = reader.field(), reader.atEnd,
              !id.isEmpty, let updated = Self.strictInteger(updatedText) else { return nil }
        self.init(date: date, time: time, updatedMilliseconds: updated, id: id)
    }

    /// Longest token accepted; real ones are under 200 characters.
    public static let maxTokenLength = 1024

    /// `-?[0-9]+` without a plus sign or leading zeros, as `String(Int64)` writes it.
    private static func strictInteger(_ text: String) -> Int64? {
        guard let value = Int64(text), String(value) == text else { return nil }
        return value
    }
}

/// Reads the `\n<length>:<bytes>` fields of a cursor token.
private struct TokenReader {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func expect(_ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count, Array(bytes[0..<prefix.count]) == prefix else { return false }
        index = prefix.count
        return true
    }

    mutating func field() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\n") else { return nil }
        index += 1
        var length = 0
        var digits = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, digits < 5 {
            length = length * 10 + Int(bytes[index] - 48)
            index += 1
            digits += 1
        }
        guard digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: ":"),
              index + 1 + length <= bytes.count else { return nil }
        let start = index + 1
        index = start + length
        return String(validating: bytes[start..<index], as: UTF8.self)
    }
}
