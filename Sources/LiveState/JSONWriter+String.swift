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
        // `withUTF8` makes the rare bridged or shared string native first.
        value.withUTF8 { appendQuoted($0) }
    }

    /// The quoted string; most need no escape at all and go in as one copy.
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        let count = utf8.count
        if let base = utf8.baseAddress, JSONText.plainRunEnd(utf8, from: 0) == count {
            let target = reserve(count + 2)
            target[0] = UInt8(ascii: "\"")
            (target + 1).update(from: base, count: count)
            target[count + 1] = UInt8(ascii: "\"")
            commit(count + 2)
            return
        }
        byte(UInt8(ascii: "\""))
        appendEscaped(utf8)
        byte(UInt8(ascii: "\""))
    }

    /// Writes `"name":` for a member name that is not a literal of ours (a source's name, a
    /// key of a parsed document), escaped like any string.
    public mutating func key(escaping name: String) {
        string(name)
        byte(UInt8(ascii: ":"))
    }

    /// Writes an array of strings: `["a","b"]`, `[]` when empty.
    public mutating func stringArray(_ values: [String]) {
        byte(UInt8(ascii: "["))
        for index in values.indices {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(values[index])
        }
        byte(UInt8(ascii: "]"))
    }

    /// Writes an array of already-rendered JSON values (pre-rendered documents) verbatim:
    /// `[a,b]`, `[]` when empty.
    public mutating func rawArray(_ values: [[UInt8]]) {
        byte(UInt8(ascii: "["))
        for index in values.indices {
            if index > 0 { byte(UInt8(ascii: ",")) }
            raw(values[index])
        }
        byte(UInt8(ascii: "]"))
    }

    /// Copies runs that need no escaping in one `append`, escaping the bytes between them;
    /// runs of plain ASCII are found eight bytes at a time.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        let count = utf8.count
        var runStart = 0
        var index = 0
        while true {
            index = JSONText.plainRunEnd(utf8, from: index)
            guard index < count else { break }
            let byte = utf8[index]
            if byte >= 0x80 {
                // UTF-8 passes through, but for U+2028 and U+2029 (E2 80 A8, E2 80 A9).
                guard byte == 0xE2, index + 2 < count, utf8[index + 1] == 0x80,
                      utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
            }
            if runStart < index {
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
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
            append(UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
    }

    private mutating func appendEscape(for value: UInt8) {
        switch value {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            raw("\\u00")
            byte(hex.utf8Start[Int(value >> 4)])
            byte(hex.utf8Start[Int(value & 0x0F)])
        }
    }
}
