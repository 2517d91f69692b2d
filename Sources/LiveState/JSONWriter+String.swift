/// String values: quoted and escaped per RFC 8259.
extension JSONWriter {
    /// Writes a quoted, escaped string, or `null` when absent.
    ///
    /// `"` and `\` get a backslash; `\n`, `\r`, `\t` their short forms; every other control
    /// character (U+0000-U+001F) becomes `\u00XX`. U+2028 and U+2029 are escaped too: legal in
    /// JSON, but they end a line in JavaScript source, which bites anyone embedding a document
    /// in a page. A Swift `String` is always valid UTF-8, so nothing else needs care.
    public mutating func string(_ value: String?) {
        guard var value else { return null() }
        bytes.append(UInt8(ascii: "\""))
        // Native strings are contiguous; the rare bridged or shared one is made native once.
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            value.makeContiguousUTF8()
            value.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `"name":` for a member name that is not a literal of ours (a source's name, a
    /// key of a parsed document), escaped like any string.
    public mutating func key(escaping name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes an array of strings: `["a","b"]`, `[]` when empty.
    public mutating func stringArray(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for index in values.indices {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(values[index])
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an array of already-rendered JSON values (pre-rendered documents) verbatim:
    /// `[a,b]`, `[]` when empty.
    public mutating func rawArray(_ values: [[UInt8]]) {
        bytes.append(UInt8(ascii: "["))
        for index in values.indices {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: values[index])
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Copies runs that need no escaping in one `append`, escaping the bytes between them.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            let needsEscape: Bool
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                needsEscape = true
            } else if byte == 0xE2, index + 2 < count, utf8[index + 1] == 0x80,
                      utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
                needsEscape = true
            } else {
                needsEscape = false
            }
            if !needsEscape {
                index += 1
                continue
            }
            if runStart < index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            }
            if byte == 0xE2 {
                raw(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 3
            } else {
                appendEscape(for: byte)
                index += 1
            }
            runStart = index
        }
        if runStart < count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
    }

    private mutating func appendEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            raw("\\u00")
            hex.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}
