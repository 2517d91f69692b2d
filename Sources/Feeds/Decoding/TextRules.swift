/// Small text rules shared by the readers: trimming, numeric text, quoting values in reasons.
enum TextRules {
    /// Without leading and trailing ASCII whitespace; the same string (no copy) when there is none.
    static func trimmed(_ string: String) -> String {
        let utf8 = string.utf8
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return string }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }),
              let end = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(string[start...end])
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether `text` is a plain decimal number: optional sign, digits with an optional point,
    /// optional exponent. Refuses what `Double(_:)` would also take: `nan`, `inf`, hex floats.
    static func isDecimal(_ text: String) -> Bool {
        var digits = 0
        var seenPoint = false
        var seenExponent = false
        var previous: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
            case UInt8(ascii: "."):
                guard !seenPoint, !seenExponent else { return false }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !seenExponent, digits > 0 else { return false }
                seenExponent = true
            default: return false
            }
            previous = byte
        }
        let last = text.utf8.last ?? 0
        return digits > 0 && last != UInt8(ascii: "e") && last != UInt8(ascii: "E") && last != UInt8(ascii: "+") && last != UInt8(ascii: "-")
    }

    /// A value as it should appear in a reason: strings quoted and cut to 40 characters,
    /// control characters shown as `?`, containers by type.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): return quoted(string)
        case .number(let number): return String(number.literal.prefix(40))
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// `"text"`, cut to 40 characters, control characters replaced by `?`.
    static func quoted(_ string: String) -> String {
        var shown = String(string.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        if string.unicodeScalars.count > 40 { shown += "..." }
        return "\"" + shown + "\""
    }
}
