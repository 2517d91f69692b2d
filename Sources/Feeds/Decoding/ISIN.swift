/// International Securities Identification Numbers (ISO 6166): two letters, nine letters or
/// digits, one check digit (the Luhn algorithm over the letters spelled as numbers).
public enum ISIN {
    /// The upper-cased ISIN, or nil when `text` is not one or its check digit is wrong.
    public static func normalized(_ text: String) -> String? {
        let verdict: (valid: Bool, lowercase: Bool) = TextRules.withBytes(text) { bytes in
            guard bytes.count == 12 else { return (false, false) }
            var lowercase = false
            // Luhn from the right over the digit string, where a letter contributes two digits.
            var sum = 0
            var position = 0
            func add(_ digit: Int) {
                let doubled = position % 2 == 1 ? digit * 2 : digit
                sum += doubled > 9 ? doubled - 9 : doubled
                position += 1
            }
            for index in stride(from: 11, through: 0, by: -1) {
                var byte = bytes[index]
                if byte >= 97 && byte <= 122 { byte -= 32; lowercase = true }
                let isDigit = byte >= 48 && byte <= 57
                let isLetter = byte >= 65 && byte <= 90
                guard index == 11 ? isDigit : (index < 2 ? isLetter : isDigit || isLetter) else { return (false, false) }
                if isDigit {
                    add(Int(byte - 48))
                } else {
                    let value = Int(byte - 65) + 10
                    add(value % 10)
                    add(value / 10)
                }
            }
            return (sum % 10 == 0, lowercase)
        }
        guard verdict.valid else { return nil }
        return verdict.lowercase ? text.uppercased() : text
    }
}
