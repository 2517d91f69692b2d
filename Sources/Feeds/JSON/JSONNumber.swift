/// A JSON number as its literal text (`200`, `-0.5`, `1e999`), converted only on demand: a
/// value too large for `Int64` or `Double` is still valid JSON, and it is the reader of one
/// field that decides whether that is acceptable.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The text exactly as it appeared, already checked against the JSON number grammar.
    public let literal: String

    /// Wraps a literal; the parser guarantees the grammar, other callers must too.
    public init(literal: String) {
        self.literal = literal
    }

    /// A number written from an integer.
    public init(_ value: Int64) {
        self.literal = String(value)
    }

    /// The value as an integer when the literal is a plain integer that fits in 64 bits;
    /// nil for `2.5`, `1e3` (written as a float) or `99999999999999999999`.
    public var int64: Int64? { Int64(literal) }

    /// The value as a double; infinite for literals beyond its range such as `1e999`.
    public var double: Double? { Double(literal) }

    /// Whether the literal has no fraction and no exponent.
    public var isIntegerLiteral: Bool {
        !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The literal.
    public var description: String { literal }
}
