/// Numbers and the three literals.
extension JSONTokenizer {
    /// Skips a number per the RFC 8259 grammar (no leading zeros, no `+`, no `NaN`); the value
    /// stays text, so `1e999` and 30-digit integers pass and are judged by whoever reads them.
    func scanNumber(_ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) throws(JSONParseError) {
        var index = cursor
        if input[index] == UInt8(ascii: "-") { index += 1 }
        guard index < input.count else { throw JSONParseError(.syntax, at: index, "the message ends inside a number") }
        if input[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(input[index]) {
            index = skipDigits(input, from: index)
        } else {
            throw JSONParseError(.syntax, at: index, "expected a digit but found \(JSONParseError.describe(input[index]))")
        }
        if index < input.count && input[index] == UInt8(ascii: ".") {
            index += 1
            guard index < input.count, isDigit(input[index]) else {
                throw JSONParseError(.syntax, at: index, "expected a digit after the decimal point")
            }
            index = skipDigits(input, from: index)
        }
        if index < input.count && (input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E")) {
            index += 1
            if index < input.count && (input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-")) { index += 1 }
            guard index < input.count, isDigit(input[index]) else {
                throw JSONParseError(.syntax, at: index, "expected a digit in the exponent")
            }
            index = skipDigits(input, from: index)
        }
        cursor = index
    }

    /// `true`, `false` or `null` at `cursor`.
    func scanLiteral(_ input: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) throws(JSONParseError) -> JSONTape.Kind {
        let word: StaticString
        let value: JSONTape.Kind
        switch input[cursor] {
        case UInt8(ascii: "t"): (word, value) = ("true", .true)
        case UInt8(ascii: "f"): (word, value) = ("false", .false)
        case UInt8(ascii: "n"): (word, value) = ("null", .null)
        default:
            throw JSONParseError(.syntax, at: cursor, "unexpected \(JSONParseError.describe(input[cursor])) where a value should start")
        }
        var index = cursor
        for offset in 0..<word.utf8CodeUnitCount {
            guard index < input.count else { throw JSONParseError(.syntax, at: index, "the message ends inside '\(word)'") }
            guard input[index] == word.utf8Start[offset] else {
                throw JSONParseError(.syntax, at: index, "unexpected \(JSONParseError.describe(input[index])) in '\(word)'")
            }
            index += 1
        }
        cursor = index
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func skipDigits(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < input.count && isDigit(input[index]) { index += 1 }
        return index
    }
}
