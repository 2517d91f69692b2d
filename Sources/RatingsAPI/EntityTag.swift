import HTTPServer

/// Entity tags: strong tags for bodies the API assembles itself, and the `If-None-Match`
/// test of RFC 9110 §13.1.2 (weak comparison, `*`, comma-separated lists).
enum EntityTag {
    /// A strong tag from the 64-bit FNV-1a hash of a body: `"` + 16 hex digits + `"`.
    ///
    /// FNV-1a is not collision-resistant against an adversary, but an ETag only has to tell a
    /// client's own earlier copy from the current one, and it costs one multiply per byte.
    static func strong(hashing body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return quoted(hex: hash)
    }

    /// `"` + the value as 16 lower-case hex digits + `"`.
    static func quoted(hex value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 18) { buffer in
            buffer[0] = UInt8(ascii: "\"")
            for index in 0..<16 {
                buffer[16 - index] = hexDigit(UInt8(truncatingIfNeeded: value >> (UInt64(index) * 4)) & 0x0F)
            }
            buffer[17] = UInt8(ascii: "\"")
            return 18
        }
    }

    /// The lower-case hex digit of a value below 16.
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 48 + nibble : 87 + nibble
    }

    /// Whether any `If-None-Match` field of the request matches `etag`, so the answer is 304.
    ///
    /// Weak comparison: `W/"x"` matches `"x"`. `*` matches any current representation. A
    /// malformed member is skipped rather than failing the whole field, so one bad tag from a
    /// proxy cannot turn into a spurious 304 or an error.
    static func ifNoneMatch(in headers: HTTPHeaders, matches etag: String) -> Bool {
        for field in headers where ASCII.equalsIgnoringCase(field.name, "if-none-match") {
            if list(field.value, contains: etag) { return true }
        }
        return false
    }

    /// Whether one `If-None-Match` field value lists `etag` (or is `*`).
    static func list(_ value: String, contains etag: String) -> Bool {
        let wanted = opaque(etag.utf8[...])
        let bytes = value.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ",") {
                index = bytes.index(after: index)
                continue
            }
            var end = index
            var inQuotes = false
            while end < bytes.endIndex {
                let current = bytes[end]
                if current == UInt8(ascii: "\"") { inQuotes.toggle() }
                if current == UInt8(ascii: ","), !inQuotes { break }
                end = bytes.index(after: end)
            }
            var member = bytes[index..<end]
            while let last = member.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                member = member.dropLast()
            }
            if member.count == 1, member.first == UInt8(ascii: "*") { return true }
            if let tag = opaque(member), let wanted, tag.elementsEqual(wanted) { return true }
            index = end
        }
        return false
    }

    /// The quoted opaque part of `W/"x"` or `"x"` (quotes included), nil when malformed.
    private static func opaque(_ tag: Substring.UTF8View) -> Substring.UTF8View? {
        var rest = tag
        if rest.starts(with: "W/".utf8) { rest = rest.dropFirst(2) }
        guard rest.count >= 2, rest.first == UInt8(ascii: "\""), rest.last == UInt8(ascii: "\""),
              !rest.dropFirst().dropLast().contains(UInt8(ascii: "\"")) else { return nil }
        return rest
    }
}
