/// Which bytes may appear where in a request head (RFC 9110/9112), as one 256-entry table.
///
/// A table lookup per byte keeps the parser's inner loops branch-light; the table is built
/// once and never freed, so the parser can hold a raw pointer to it without bounds checks.
enum HTTPByteClass {
    /// A `tchar`: method names, header names, transfer codings.
    static let token: UInt8 = 1
    /// Allowed in a request-target: visible ASCII except `#` (fragments are never sent).
    static let target: UInt8 = 2
    /// Allowed inside a header value: SP, HTAB, visible ASCII and obs-text (0x80-0xFF).
    static let fieldValue: UInt8 = 4

    /// The flags of every byte value.
    // nonisolated(unsafe): written once by the lazy global initialiser, read-only afterwards.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        let tokenSymbols = Array("!#$%&'*+-.^_`|~".utf8)
        for byte in 0..<256 {
            let b = UInt8(byte)
            var flags: UInt8 = 0
            let isAlnum = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            if isAlnum || tokenSymbols.contains(b) { flags |= token }
            if b >= 0x21 && b <= 0x7E && b != UInt8(ascii: "#") { flags |= target }
            if b == 0x09 || b == 0x20 || (b >= 0x21 && b <= 0x7E) || b >= 0x80 { flags |= fieldValue }
            table[byte] = flags
        }
        return UnsafePointer(table)
    }()

    /// Whether `byte` is an ASCII hexadecimal digit.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }

    /// Whether `count` bytes at `bytes` equal the lower-case ASCII `literal`, ignoring case.
    /// Only valid for token bytes: OR-ing 0x20 folds letters and leaves `-` and digits alone.
    @inline(__always)
    static func equalsLowercased(_ bytes: UnsafePointer<UInt8>, count: Int, _ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for i in 0..<count where bytes[i] | 0x20 != expected[i] { return false }
        return true
    }

    /// Whether `count` bytes at `bytes` are exactly `literal` (case-sensitive, as methods are).
    @inline(__always)
    static func equalsExactly(_ bytes: UnsafePointer<UInt8>, count: Int, _ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for i in 0..<count where bytes[i] != expected[i] { return false }
        return true
    }
}
