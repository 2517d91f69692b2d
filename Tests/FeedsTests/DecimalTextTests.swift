@testable import Feeds
import Testing
import TestSupport

@Suite struct DecimalTextTests {
    private func double(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalText.double($0) }
    }

    private func int64(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalText.int64($0) }
    }

    @Test func readsWhatDoubleReadsBitForBit() {
        let texts = ["0", "-0", "+0", "0.0", "663.00", "195.50", "3.0", "1767613659", "1767617835608", "0.1", "0.2", "0.3",
                     "123456789012345", "1234567890123456", "12345678901234567890", "9007199254740993", "1e22", "1e23",
                     "1.7976931348623157e308", "1e999", "-1e999", "4.9e-324", "1e-400", "2.5E-3", "5.", ".5", "-.5", "1.e5",
                     "0.000000000000000000001", "00012.5000", "1E+2", "1e-22", "1e-23", "123.456e-5", "+7.25"]
        for text in texts {
            let expected = Double(text)
            let actual = double(text)
            #expect(actual?.bitPattern == expected?.bitPattern, "\(text)")
        }
    }

    @Test func readsRandomDecimalsAsDoubleDoes() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let integer = String(random.next() % 10_000_000)
            let fraction = String(random.next() % 100_000_000)
            let exponent = Int(random.next() % 60) - 30
            for text in ["\(integer).\(fraction)", "\(integer)e\(exponent)", "-\(integer).\(fraction)E\(exponent)", "0.\(fraction)"] {
                #expect(double(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
            }
        }
    }

    @Test func refusesTextOutsideTheDecimalGrammar() {
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "1.5.2", "nan", "inf", "0x10", " 1", "1 ", "1-2", "--1"] {
            #expect(double(text) == nil, "\(text)")
        }
    }

    @Test func readsIntegersAsInt64Does() {
        for text in ["0", "-0", "+5", "42", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                     "-9223372036854775809", "99999999999999999999", "", "-", "1.0", "1e3", "12a"] {
            #expect(int64(text) == Int64(text), "\(text)")
        }
    }
}
