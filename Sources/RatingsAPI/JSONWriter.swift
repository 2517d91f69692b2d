import LiveState

/// A small streaming JSON writer over bytes, for the few documents the API renders itself
/// (`/status`, lists, problems); the store's documents arrive already rendered.
///
/// Commas are placed from one flag instead of a nesting stack: a value or key that follows a
/// value gets a comma, anything right after an opening bracket or a key does not.
struct JSONWriter {
    /// The document so far.
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    /// A writer whose buffer starts with room for `capacity` bytes.
    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// Opens an object (`{`).
    mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }

    /// Closes the innermost object.
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }

    /// Opens an array (`[`).
    mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }

    /// Closes the innermost array.
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// Writes an object key; the next call writes its value.
    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string value, escaped.
    mutating func string(_ value: String) { separate(); appendQuoted(value); needsComma = true }

    /// Writes a string value, or `null`.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer value.
    mutating func integer(_ value: Int) {
        separate()
        appendDigits(of: value)
        needsComma = true
    }

    /// Writes `milliseconds / 1000` as a decimal number without floating point (`12.5`, `3`).
    mutating func seconds(milliseconds: Int64) {
        separate()
        var magnitude = milliseconds
        if magnitude < 0 { bytes.append(UInt8(ascii: "-")); magnitude = -magnitude }
        appendDigits(of: Int(magnitude / 1000))
        var fraction = magnitude % 1000
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            var divisor: Int64 = 100
            while fraction != 0 {
                bytes.append(UInt8(48 + fraction / divisor))
                fraction %= divisor
                divisor /= 10
            }
        }
        needsComma = true
    }

    /// Writes `true` or `false`.
    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
        needsComma = true
    }

    /// Writes `null`.
    mutating func null() { separate(); bytes.append(contentsOf: "null".utf8); needsComma = true }

    /// Writes an RFC 3339 timestamp as a string, or `null`.
    mutating func timestamp(_ value: Timestamp?) {
        guard let value else { return null() }
        separate()
        bytes.append(UInt8(ascii: "\""))
        value.appendRFC3339(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes one value that is already complete JSON (a pre-rendered document).
    mutating func raw(_ json: [UInt8]) { separate(); bytes.append(contentsOf: json); needsComma = true }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendDigits(of value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(48 + magnitude % 10))
            magnitude /= 10
        } while magnitude != 0
        bytes[start...].reverse()
    }

    /// RFC 8259 escaping: quote, backslash and every control character; other bytes of the
    /// (always valid) UTF-8 pass through unchanged.
    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape at all: copy them in one go.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        else {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
            case 0x00..<0x20, 0x7F:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(EntityTag.hexDigit(byte >> 4))
                bytes.append(EntityTag.hexDigit(byte & 0x0F))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
