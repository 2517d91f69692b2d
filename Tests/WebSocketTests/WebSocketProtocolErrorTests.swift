import Testing
@testable import WebSocket

/// Every way a peer can break RFC 6455, as raw bytes, and the close code each one earns.
struct WebSocketProtocolErrorTests {
    /// One malformed input: the bytes, the role receiving them, the error and its close code.
    struct Violation: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var role: WebSocketRole = .client
        var limit = 1024 * 1024
        var error: WebSocketProtocolError
        var code: UInt16

        var testDescription: String { name }
    }

    static let violations: [Violation] = [
        Violation(name: "RSV1", bytes: [0xC1, 0x00], error: .reservedBitsSet, code: 1002),
        Violation(name: "RSV2", bytes: [0xA1, 0x00], error: .reservedBitsSet, code: 1002),
        Violation(name: "RSV3", bytes: [0x91, 0x00], error: .reservedBitsSet, code: 1002),
        Violation(name: "opcode 3", bytes: [0x83, 0x00], error: .unknownOpcode(3), code: 1002),
        Violation(name: "opcode 7", bytes: [0x87, 0x00], error: .unknownOpcode(7), code: 1002),
        Violation(name: "opcode B", bytes: [0x8B, 0x00], error: .unknownOpcode(0xB), code: 1002),
        Violation(name: "opcode F", bytes: [0x8F, 0x00], error: .unknownOpcode(0xF), code: 1002),
        Violation(name: "masked frame to a client", bytes: [0x81, 0x81, 1, 2, 3, 4, 0x41], error: .maskedFrameFromServer, code: 1002),
        Violation(name: "unmasked frame to a server", bytes: [0x81, 0x01, 0x41], role: .server, error: .unmaskedFrameFromClient, code: 1002),
        Violation(name: "16-bit length under 126", bytes: [0x82, 0x7E, 0x00, 0x7D], error: .nonMinimalLength, code: 1002),
        Violation(name: "64-bit length under 65536", bytes: [0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF], error: .nonMinimalLength, code: 1002),
        Violation(name: "64-bit length high bit", bytes: [0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0], error: .lengthHighBitSet, code: 1002),
        Violation(name: "126-byte ping", bytes: [0x89, 0x7E, 0x00, 0x7E], error: .controlFrameTooLong, code: 1002),
        Violation(name: "fragmented ping", bytes: [0x09, 0x00], error: .fragmentedControlFrame, code: 1002),
        Violation(name: "fragmented close", bytes: [0x08, 0x00], error: .fragmentedControlFrame, code: 1002),
        Violation(name: "continuation first", bytes: [0x80, 0x01, 0x41], error: .unexpectedContinuation, code: 1002),
        Violation(name: "text inside a fragmented message", bytes: [0x01, 0x01, 0x41, 0x81, 0x01, 0x42], error: .expectedContinuation, code: 1002),
        Violation(name: "binary inside a fragmented message", bytes: [0x02, 0x01, 0x41, 0x82, 0x00], error: .expectedContinuation, code: 1002),
        Violation(name: "frame over the limit", bytes: [0x82, 0x0B] + [UInt8](repeating: 0, count: 11), limit: 10, error: .messageTooBig(limit: 10), code: 1009),
        Violation(name: "fragments over the limit", bytes: [0x02, 0x06, 1, 2, 3, 4, 5, 6, 0x80, 0x05, 1, 2, 3, 4, 5], limit: 10, error: .messageTooBig(limit: 10), code: 1009),
        Violation(name: "invalid UTF-8 byte", bytes: [0x81, 0x01, 0xFF], error: .invalidUTF8, code: 1007),
        Violation(name: "UTF-8 cut at the final frame", bytes: [0x81, 0x02, 0x41, 0xC3], error: .invalidUTF8, code: 1007),
        Violation(name: "UTF-8 cut at the final fragment", bytes: [0x01, 0x01, 0xE2, 0x80, 0x01, 0x82], error: .invalidUTF8, code: 1007),
        Violation(name: "1-byte close body", bytes: [0x88, 0x01, 0x03], error: .closePayloadTooShort, code: 1002),
        Violation(name: "close code 999", bytes: [0x88, 0x02, 0x03, 0xE7], error: .invalidCloseCode(999), code: 1002),
        Violation(name: "close code 1004", bytes: [0x88, 0x02, 0x03, 0xEC], error: .invalidCloseCode(1004), code: 1002),
        Violation(name: "close code 1005", bytes: [0x88, 0x02, 0x03, 0xED], error: .invalidCloseCode(1005), code: 1002),
        Violation(name: "close code 1006", bytes: [0x88, 0x02, 0x03, 0xEE], error: .invalidCloseCode(1006), code: 1002),
        Violation(name: "close code 1015", bytes: [0x88, 0x02, 0x03, 0xF7], error: .invalidCloseCode(1015), code: 1002),
        Violation(name: "close code 1016", bytes: [0x88, 0x02, 0x03, 0xF8], error: .invalidCloseCode(1016), code: 1002),
        Violation(name: "close code 2999", bytes: [0x88, 0x02, 0x0B, 0xB7], error: .invalidCloseCode(2999), code: 1002),
        Violation(name: "close code 5000", bytes: [0x88, 0x02, 0x13, 0x88], error: .invalidCloseCode(5000), code: 1002),
        Violation(name: "close reason not UTF-8", bytes: [0x88, 0x04, 0x03, 0xE8, 0x41, 0xFF], error: .invalidCloseReason, code: 1007),
    ]

    @Test(arguments: violations)
    func aViolationFailsWithItsCloseCode(_ violation: Violation) {
        let decoded = decodeMessages(violation.bytes, role: violation.role, limits: WebSocketLimits(maxMessageSize: violation.limit))
        #expect(decoded.error == violation.error)
        #expect(decoded.error?.closeCode.rawValue == violation.code)
    }

    @Test(arguments: violations)
    func aViolationIsFoundTheSameWayByteByByte(_ violation: Violation) {
        let pieces = [Int](repeating: 1, count: violation.bytes.count)
        let decoded = decodeMessages(violation.bytes, role: violation.role, limits: WebSocketLimits(maxMessageSize: violation.limit), pieces: pieces)
        #expect(decoded.error == violation.error)
    }

    @Test(arguments: [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999] as [UInt16])
    func aValidCloseCodeIsReadWithItsReason(_ code: UInt16) {
        let decoded = decodeMessages([0x88, 0x04, UInt8(code >> 8), UInt8(code & 0xFF), 0x6F, 0x6B])
        #expect(decoded == Decoded(messages: [.close(code: WebSocketCloseCode(rawValue: code), reason: "ok")]))
    }

    @Test func anEmptyCloseBodyMeansNoStatus() {
        #expect(decodeMessages([0x88, 0x00]).messages == [.close(code: .noStatusReceived, reason: "")])
    }

    @Test func invalidUTF8InAFirstFragmentFailsBeforeTheMessageEnds() {
        // The final fragment never arrives; the bad byte is enough.
        #expect(decodeMessages([0x01, 0x02, 0x41, 0xC0]).error == .invalidUTF8)
    }
}
