/// The start of a refused message as text a person can read in `/status` and in logs.
enum DeadLetterExcerpt {
    /// At most `limit` bytes (cut back to a character boundary), invalid UTF-8 and control
    /// characters replaced by U+FFFD, with `...` appended when the message was longer.
    static func make(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        var end = min(input.count, max(0, limit))
        if end < input.count {
            // Step back over continuation bytes so a character is not cut in half.
            var back = end
            while back > 0 && back > end - 4 && input[back] & 0xC0 == 0x80 { back -= 1 }
            if back > 0 && input[back] & 0xC0 != 0x80 { end = back }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[0..<end]), as: UTF8.self)
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            cleaned.append(scalar.value < 0x20 || scalar.value == 0x7F ? "\u{FFFD}" : scalar)
        }
        return String(cleaned) + (end < input.count ? "..." : "")
    }
}
