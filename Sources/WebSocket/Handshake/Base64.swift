/// Standard base64 (RFC 4648 section 4, with padding) for the handshake's key and accept.
///
/// Off the hot path; kept here rather than taken from Foundation so the module stays free of it.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The padded base64 text of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if count > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[index + 2]) }
            for position in 0..<4 {
                let sextet = Int(group >> (18 - 6 * UInt32(position)) & 0x3F)
                output.append(position <= count ? alphabet[sextet] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of padded base64 `text`, or nil if it is not exactly that (wrong length,
    /// foreign characters, misplaced padding, or non-zero bits hidden in the padding).
    static func decode(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3)
        for groupStart in stride(from: 0, to: input.count, by: 4) {
            let isLast = groupStart + 4 == input.count
            var group: UInt32 = 0
            var padding = 0
            for position in 0..<4 {
                let character = input[groupStart + position]
                if character == UInt8(ascii: "=") {
                    guard isLast, position >= 2 else { return nil }
                    padding += 1
                    group <<= 6
                } else {
                    guard padding == 0, let value = value(of: character) else { return nil }
                    group = group << 6 | UInt32(value)
                }
            }
            let bytes = [UInt8(truncatingIfNeeded: group >> 16), UInt8(truncatingIfNeeded: group >> 8), UInt8(truncatingIfNeeded: group)]
            // Bits under the padding must be zero, or two texts would decode to the same bytes.
            for hidden in bytes[(3 - padding)...] where hidden != 0 { return nil }
            output.append(contentsOf: bytes[..<(3 - padding)])
        }
        return output
    }

    private static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
