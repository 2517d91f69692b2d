/// Appends JSON text to a byte buffer: the one renderer behind every document the store serves.
///
/// It writes what it is told, in order, and keeps no nesting state, so callers place the commas
/// (`comma()`) and keys themselves; that keeps it a few instructions per token. Keys are
/// `StaticString`s written verbatim (they are ours, already valid JSON), values are escaped.
/// Numbers: integers as integers; doubles in Swift's shortest round-trip form, so a price target
/// of 200 renders as `200.0` (it stays visibly a decimal); `count(_:)` renders an integral double
/// as an integer (`15`, for analyst counts that upstream types as numbers); NaN and infinities,
/// which JSON cannot express, render as `null`.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// Starts an empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Writes trusted, already-valid JSON text such as `{"data":[` verbatim.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes already-rendered JSON bytes (a pre-rendered fragment) verbatim.
    @inline(__always)
    public mutating func raw(_ json: [UInt8]) {
        bytes.append(contentsOf: json)
    }

    /// Writes a single byte verbatim (`{`, `}`, `[`, `]`, `,`).
    @inline(__always)
    public mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Writes `,`.
    @inline(__always)
    public mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    /// Writes `"name":`; `name` must be a plain ASCII key that needs no escaping.
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes `null`.
    @inline(__always)
    public mutating func null() { raw("null") }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    /// Writes an integer in decimal.
    public mutating func integer<Value: BinaryInteger>(_ value: Value) {
        appendDecimal(Int64(value))
    }

    /// Writes an optional integer, `null` when absent.
    public mutating func integer<Value: BinaryInteger>(_ value: Value?) {
        if let value { appendDecimal(Int64(value)) } else { null() }
    }

    /// Writes a double in shortest round-trip form (`200.0`, `11.11`, `1e-07`); `null` when it is
    /// absent or not finite.
    public mutating func double(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Writes a count: an integral double as an integer (`15`), anything else as `double(_:)`.
    public mutating func count(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        if value.rounded(.towardZero) == value, abs(value) < 9_007_199_254_740_992 {
            appendDecimal(Int64(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Writes a number already in JSON's number grammar (a literal kept from a parsed
    /// document, `195.50` or `1e999`) verbatim; the caller vouches for the grammar.
    public mutating func numberLiteral(_ literal: String) {
        bytes.append(contentsOf: literal.utf8)
    }

    /// Writes `milliseconds / 1000` as a decimal number without floating point, and without
    /// trailing zeros (`12.5`, `3`, `-1.5`): exact, unlike dividing a double.
    public mutating func seconds(milliseconds: Int64) {
        if milliseconds < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = milliseconds.magnitude
        appendDecimal(Int64(magnitude / 1000))
        var fraction = magnitude % 1000
        var divisor: UInt64 = 100
        if fraction != 0 { bytes.append(UInt8(ascii: ".")) }
        while fraction != 0 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// Writes a timestamp as an RFC 3339 UTC string, `null` when absent.
    public mutating func timestamp(_ value: Timestamp?) {
        guard let value else { return null() }
        bytes.append(UInt8(ascii: "\""))
        value.appendRFC3339(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendDecimal(_ value: Int64) {
        if value >= 0, value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + value))
            return
        }
        // Twenty digits and a sign cover Int64.min; digits are produced backwards into a
        // fixed stack buffer so no String is made.
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var index = 20
            repeat {
                index -= 1
                buffer[index] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<20]))
        }
    }
}
