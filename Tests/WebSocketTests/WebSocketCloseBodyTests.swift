import Testing
@testable import WebSocket

/// Close payloads: the reason is cut to fit a control frame without splitting a character.
struct WebSocketCloseBodyTests {
    @Test func cutsALongReasonAtACharacterBoundaryWithin123Bytes() throws {
        let reason = String(repeating: "a", count: 122) + "€€"  // 122 + 6 bytes
        let payload = WebSocketCloseBody.encode(code: .normalClosure, reason: reason)
        #expect(payload.count == 2 + 122)
        let decoded = try WebSocketCloseBody.decode(payload)
        #expect(decoded.reason == String(repeating: "a", count: 122))
    }

    @Test func keepsAReasonThatFitsExactly() throws {
        let reason = String(repeating: "é", count: 61) + "x"  // 123 bytes
        let payload = WebSocketCloseBody.encode(code: .policyViolation, reason: reason)
        #expect(payload.count == 125)
        let decoded = try WebSocketCloseBody.decode(payload)
        #expect(decoded.code == .policyViolation)
        #expect(decoded.reason == reason)
    }

    @Test func onlyWireCodesAreValidOnTheWire() {
        let valid = (0...5000).filter { WebSocketCloseCode(rawValue: UInt16($0)).isValidOnWire }
        #expect(valid == Array(1000...1003) + Array(1007...1014) + Array(3000...4999))
    }
}
