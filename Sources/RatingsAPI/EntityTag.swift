import HTTPServer
import LiveState

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

    /// The tag of a stored document: exactly `Document.etag` (`"` + the version in lower-case
    /// hex without leading zeros + `"`), written straight into the string's storage; for a
    /// version below 2^52 the result fits a small string, so it allocates nothing.
    static func of(_ document: Document) -> String {
        let version = document.version
        let digits = version == 0 ? 1 : (67 - version.leadingZeroBitCount) / 4
        return String(unsafeUninitializedCapacity: digits + 2) { buffer in
            buffer[0] = UInt8(ascii: "\"")
            var remaining = version
            for index in stride(from: digits, through: 1, by: -1) {
                buffer[index] = hexDigit(UInt8(truncatingIfNeeded: remaining) & 0x0F)
                remaining >>= 4
            }
            buffer[digits + 1] = UInt8(ascii: "\"")
            return digits + 2
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
        for field in headers where field.name.equalsIgnoringASCIICase("if-none-match") {
            if list(field.value, contains: etag) { return true }
        }
        return false
    }

    /// Whether one `If-None-Match` field value lists `etag` (or is `*`).
    ///
    /// A client echoing the tag it got back is answered by one comparison; anything else is
    /// scanned as bytes. Members are split at every comma: an opaque tag may legally hold one,
    /// but ours never do, so such a member could not have matched anyway.
    static func list(_ value: String, contains etag: String) -> Bool {
        if value == etag { return true }
        var value = value
        var etag = etag
        return value.withUTF8 { list in etag.withUTF8 { tag in scan(list, for: tag) } }
    }

    private static func scan(_ list: UnsafeBufferPointer<UInt8>, for etag: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let wanted = opaque(etag[...]) else { return false }
        var start = 0
        while start < list.count {
            var end = start
            while end < list.count, list[end] != UInt8(ascii: ",") { end += 1 }
            var member = list[start..<end]
            while let first = member.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                member = member.dropFirst()
            }
            while let last = member.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                member = member.dropLast()
            }
            if member.count == 1, member.first == UInt8(ascii: "*") { return true }
            if let tag = opaque(member), tag.elementsEqual(wanted) { return true }
            start = end + 1
        }
        return false
    }

    /// The quoted opaque part of `W/"x"` or `"x"` (quotes included), nil when malformed.
    private static func opaque(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        var rest = tag
        if rest.count >= 2, rest[rest.startIndex] == UInt8(ascii: "W"), rest[rest.startIndex + 1] == UInt8(ascii: "/") {
            rest = rest.dropFirst(2)
        }
        guard rest.count >= 2, rest.first == UInt8(ascii: "\""), rest.last == UInt8(ascii: "\""),
              !rest.dropFirst().dropLast().contains(UInt8(ascii: "\"")) else { return nil }
        return rest
    }
}
