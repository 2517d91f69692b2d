/// International Securities Identification Numbers (ISO 6166): two letters, nine letters or
/// digits, one check digit (the Luhn algorithm over the letters spelled as numbers).
public enum ISIN {
    /// The upper-cased ISIN, or nil when `text` is not one or its check digit is wrong.
    public static func normalized(_ text: String) -> String? {
        let bytes = Array(text.utf8).map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
        guard bytes.count == 12, bytes[0...1].allSatisfy(isLetter), bytes[2...10].allSatisfy({ isLetter($0) || isDigit($0) }),
              isDigit(bytes[11]) else { return nil }
        var digits: [Int] = []
        for byte in bytes {
            if isDigit(byte) {
                digits.append(Int(byte - 48))
            } else {
                let value = Int(byte - 65) + 10
                digits.append(value / 10)
                digits.append(value % 10)
            }
        }
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            let doubled = position % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0 ? String(decoding: bytes, as: UTF8.self) : nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
