/// How sample values are spelled.
extension PrometheusExposition {
    /// `value` as the format reads it: `+Inf`, `-Inf`, `NaN`, integers without a fraction,
    /// anything else in Swift's shortest round-tripping form (`0.25`, `1e-07`).
    static func text(of value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// Seconds in fixed-point decimal with trailing zeros dropped: `0.00025`, `12`, `-1.5`.
    static func seconds(nanoseconds: Int64) -> String {
        let negative = nanoseconds < 0
        let magnitude = nanoseconds.magnitude
        let whole = magnitude / 1_000_000_000
        var fraction = magnitude % 1_000_000_000
        var text = negative ? "-" + String(whole) : String(whole)
        guard fraction > 0 else { return text }
        var digits = 9
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }
}
