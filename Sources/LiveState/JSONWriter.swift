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
    private var buffer: JSONWriterBuffer
    private var count = 0

    /// The bytes written so far, as an array of exactly their size.
    public var bytes: [UInt8] {
        get {
            [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
                if let base = target.baseAddress { base.update(from: buffer.start, count: count) }
                initialized = count
            }
        }
        set {
            buffer = JSONWriterBuffer(capacity: newValue.count)
            count = newValue.count
            newValue.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { buffer.start.update(from: base, count: source.count) }
            }
        }
    }

    /// Bytes written so far.
    var writtenCount: Int { count }

    /// Calls `body` with the bytes written so far, in place (no array is made).
    func withWrittenBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: buffer.start, count: count))
    }

    /// Starts an empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        buffer = JSONWriterBuffer(capacity: capacity)
    }

    /// Where the next `extra` bytes go, in a buffer this writer alone holds (a copy of the
    /// writer shares its buffer until one of them writes) with room for them.
    @inline(__always)
    mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if !isKnownUniquelyReferenced(&buffer) || buffer.capacity - count < extra {
            buffer = buffer.copy(count: count, minimumCapacity: count + extra)
        }
        return buffer.start + count
    }

    /// Counts `written` bytes stored at the pointer `reserve(_:)` returned.
    @inline(__always)
    mutating func commit(_ written: Int) {
        count += written
    }

    /// Copies bytes in.
    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        reserve(source.count).update(from: base, count: source.count)
        count += source.count
    }

    /// Writes trusted, already-valid JSON text such as `{"data":[` verbatim.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes already-rendered JSON bytes (a pre-rendered fragment) verbatim.
    @inline(__always)
    public mutating func raw(_ json: [UInt8]) {
        json.withUnsafeBufferPointer { append($0) }
    }

    /// Writes a single byte verbatim (`{`, `}`, `[`, `]`, `,`).
    @inline(__always)
    public mutating func byte(_ value: UInt8) {
        reserve(1).pointee = value
        count += 1
    }

    /// Writes `,`.
    @inline(__always)
    public mutating func comma() { byte(UInt8(ascii: ",")) }

    /// Writes `"name":`; `name` must be a plain ASCII key that needs no escaping.
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        byte(UInt8(ascii: "\""))
        raw(name)
        byte(UInt8(ascii: "\""))
        byte(UInt8(ascii: ":"))
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
        if !appendHundredths(value) { appendUTF8(value.description) }
    }

    /// Writes a count: an integral double as an integer (`15`), anything else as `double(_:)`.
    public mutating func count(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        if value.rounded(.towardZero) == value, abs(value) < 9_007_199_254_740_992 {
            appendDecimal(Int64(value))
        } else if !appendHundredths(value) {
            appendUTF8(value.description)
        }
    }

    /// Writes a double that is a whole number of hundredths (prices, percentages) exactly as
    /// `description` would, without making a `String`; false, writing nothing, for any other.
    ///
    /// Why it matches: when `k / 100` (with `|k| < 10^15`) converts to the double `value`, the
    /// decimal `k / 100` has at most 15 significant digits, and two such decimals never convert
    /// to the same double, so it is the shortest text that reads back as `value`, which is
    /// what `description` writes (in positional notation below 2^53, one decimal at least).
    private mutating func appendHundredths(_ value: Double) -> Bool {
        guard abs(value) < 1e13 else { return false }
        let scaled = (value * 100).rounded()
        let hundredths = Int64(scaled)
        guard Double(hundredths) / 100 == value else { return false }
        if value.sign == .minus { byte(UInt8(ascii: "-")) }
        let magnitude = hundredths.magnitude
        appendDecimal(Int64(magnitude / 100))
        let fraction = magnitude % 100
        let target = reserve(3)
        target[0] = UInt8(ascii: ".")
        target[1] = UInt8(truncatingIfNeeded: 48 + fraction / 10)
        target[2] = UInt8(truncatingIfNeeded: 48 + fraction % 10)
        commit(fraction % 10 != 0 ? 3 : 2)
        return true
    }

    /// Writes a number already in JSON's number grammar (a literal kept from a parsed
    /// document, `195.50` or `1e999`) verbatim; the caller vouches for the grammar.
    public mutating func numberLiteral(_ literal: String) {
        appendUTF8(literal)
    }

    /// Writes `milliseconds / 1000` as a decimal number without floating point, and without
    /// trailing zeros (`12.5`, `3`, `-1.5`): exact, unlike dividing a double.
    public mutating func seconds(milliseconds: Int64) {
        if milliseconds < 0 { byte(UInt8(ascii: "-")) }
        let magnitude = milliseconds.magnitude
        appendDecimal(Int64(magnitude / 1000))
        var fraction = magnitude % 1000
        var divisor: UInt64 = 100
        if fraction != 0 { byte(UInt8(ascii: ".")) }
        while fraction != 0 {
            byte(UInt8(truncatingIfNeeded: 48 + fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// Writes a timestamp as an RFC 3339 UTC string, `null` when absent.
    public mutating func timestamp(_ value: Timestamp?) {
        guard let value else { return null() }
        let target = reserve(Timestamp.rfc3339MaximumLength + 2)
        target[0] = UInt8(ascii: "\"")
        let length = value.writeRFC3339(to: target + 1)
        target[length + 1] = UInt8(ascii: "\"")
        commit(length + 2)
    }

    /// Writes a string's UTF-8 verbatim (number text the caller vouches for).
    private mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    private mutating func appendDecimal(_ value: Int64) {
        // Twenty digits and a sign cover Int64.min; digits are produced backwards, then the
        // run is moved to the front of the reserved space.
        let target = reserve(21)
        if value >= 0, value < 10 {
            target.pointee = UInt8(truncatingIfNeeded: 48 + value)
            commit(1)
            return
        }
        var magnitude = value.magnitude
        var index = 21
        repeat {
            index -= 1
            target[index] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if value < 0 {
            index -= 1
            target[index] = UInt8(ascii: "-")
        }
        let length = 21 - index
        target.update(from: target + index, count: length)
        commit(length)
    }
}
