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
    ///
    /// Members are split at every comma: an opaque tag may legally hold one, but ours never
    /// do, so such a member could not have matched anyway.
    static func list(_ value: String, contains etag: String) -> Bool {
        guard let wanted = opaque(etag.utf8[...]) else { return false }
        for member in value.utf8.split(separator: UInt8(ascii: ",")) {
            var trimmed = member[...]
            while let first = trimmed.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                trimmed = trimmed.dropFirst()
            }
            while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                trimmed = trimmed.dropLast()
            }
            if trimmed.count == 1, trimmed.first == UInt8(ascii: "*") { return true }
            if let tag = opaque(trimmed), tag.elementsEqual(wanted) { return true }
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
