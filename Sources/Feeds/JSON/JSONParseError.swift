/// Why bytes are not an acceptable JSON document, with the byte offset where it was noticed.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem: the grammar, the encoding, or a limit.
    public enum Kind: Sendable, Equatable {
        /// Not JSON: a bad token, a truncated document, trailing bytes.
        case syntax
        /// Bytes that are not UTF-8, or an escape naming no Unicode scalar.
        case encoding
        /// More nested arrays and objects than the parser's limit.
        case tooDeep
    }

    /// What kind of problem.
    public let kind: Kind
    /// Offset of the offending byte from the start of the input (the input's length when it
    /// ended too early).
    public let offset: Int
    /// What was wrong, e.g. `expected ',' or '}' but found 'x'`.
    public let detail: String

    /// A problem of `kind` at byte `offset`.
    public init(_ kind: Kind, at offset: Int, _ detail: String) {
        self.kind = kind
        self.offset = offset
        self.detail = detail
    }

    /// One line: `not valid JSON at byte 17: expected ':' but found '}'`.
    public var description: String {
        switch kind {
        case .tooDeep: return "JSON nested too deeply at byte \(offset): \(detail)"
        case .syntax, .encoding: return "not valid JSON at byte \(offset): \(detail)"
        }
    }

    /// A byte as it should appear in a message: `'x'` when printable ASCII, else `0xFF`.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'" + String(UnicodeScalar(byte)) + "'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
