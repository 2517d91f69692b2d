#if canImport(Glibc)
import Glibc
#endif

/// Writes the text/event-stream format (WHATWG HTML, "server-sent events") byte by byte.
///
/// Field values cannot hold line breaks: `id` and `event` with a CR, LF or NUL are refused (a
/// line break would end the field early and smuggle in another; a NUL in `id` makes browsers
/// ignore it), and `data` holding line breaks is split into one `data:` line per line, which
/// the client joins back with LF. Every event ends with a blank line.
public enum EventStreamEncoder {
    /// The blank line that dispatches an event (after the last field's own LF).
    public static let terminator: [UInt8] = [0x0A, 0x0A]

    /// Appends one event; false (and nothing appended) when `id` or `event` holds CR, LF or NUL.
    /// A nil `id` leaves the client's last event id as it was.
    @discardableResult
    public static func appendEvent(id: String?, event: String?, data: [UInt8], to output: inout [UInt8]) -> Bool {
        guard id.map(isFieldValue) ?? true, event.map(isFieldValue) ?? true else { return false }
        if let id { field("id", Array(id.utf8), to: &output) }
        if let event { field("event", Array(event.utf8), to: &output) }
        var start = 0
        var index = 0
        while index < data.count {
            let byte = data[index]
            if byte == 0x0A || byte == 0x0D {
                field("data", data[start..<index], to: &output)
                // CRLF is one line break, not two.
                if byte == 0x0D, index + 1 < data.count, data[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        field("data", data[start...], to: &output)
        output.append(0x0A)
        return true
    }

    /// A comment line (`: text`), which clients ignore; used as the heartbeat. Line breaks in
    /// `text` become spaces.
    public static func comment(_ text: String) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: ":"), UInt8(ascii: " ")]
        for byte in text.utf8 { output.append(byte == 0x0A || byte == 0x0D || byte == 0 ? 0x20 : byte) }
        output.append(contentsOf: terminator)
        return output
    }

    /// The `retry:` field telling clients how many milliseconds to wait before reconnecting,
    /// as an event of its own (with no data, so nothing is dispatched).
    public static func retry(milliseconds: Int) -> [UInt8] {
        Array("retry: \(max(0, milliseconds))\n\n".utf8)
    }

    /// `id: N\nevent: name\ndata: `: the part of an event before its one-line JSON document.
    /// `event` must be a valid field value (the store's kind names are).
    /// Written in place into one allocation (it runs inside the store's lock for every applied
    /// change): the id's digits straight from the integer, no `String` of it.
    static func head(id: UInt64, event: String) -> [UInt8] {
        var digits = 1
        var rest = id / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let idField: StaticString = "id: "
        let eventField: StaticString = "\nevent: "
        let dataField: StaticString = "\ndata: "
        var event = event
        return event.withUTF8 { name in
            let count = idField.utf8CodeUnitCount + digits + eventField.utf8CodeUnitCount + name.count + dataField.utf8CodeUnitCount
            return [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
                var index = 0
                func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                    for byte in bytes {
                        target[index] = byte
                        index += 1
                    }
                }
                put(UnsafeBufferPointer(start: idField.utf8Start, count: idField.utf8CodeUnitCount))
                var value = id
                for position in stride(from: index + digits - 1, through: index, by: -1) {
                    target[position] = UInt8(truncatingIfNeeded: 48 + value % 10)
                    value /= 10
                }
                index += digits
                put(UnsafeBufferPointer(start: eventField.utf8Start, count: eventField.utf8CodeUnitCount))
                put(name)
                put(UnsafeBufferPointer(start: dataField.utf8Start, count: dataField.utf8CodeUnitCount))
                initialized = index
            }
        }
    }

    /// Whether `value` may be an `id` or `event` field: no CR, LF or NUL.
    public static func isFieldValue(_ value: String) -> Bool {
        !value.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0 }
    }

    /// Whether `data` fits one `data:` line. Runs inside the store's lock for every applied
    /// change, hence memchr (vectorised) rather than a byte loop.
    static func isSingleLine(_ data: [UInt8]) -> Bool {
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return true }
            return memchr(base, 0x0A, bytes.count) == nil && memchr(base, 0x0D, bytes.count) == nil
        }
    }

    private static func field<Bytes: Sequence<UInt8>>(_ name: StaticString, _ value: Bytes, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        output.append(UInt8(ascii: ":"))
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: value)
        output.append(0x0A)
    }
}
