/// The payload of a close frame: empty, or a 2-byte big-endian code followed by a UTF-8 reason.
public enum WebSocketCloseBody {
    /// The longest reason that fits a control frame (125 bytes minus the code).
    public static let maxReasonLength = 123

    /// Reads a close payload; an empty one means "no status" (1005).
    ///
    /// A 1-byte payload, a code that may not appear on the wire, and a reason that is not
    /// UTF-8 are protocol errors (the last one 1007).
    public static func decode(_ payload: [UInt8]) throws(WebSocketProtocolError) -> (code: WebSocketCloseCode, reason: String) {
        if payload.isEmpty { return (.noStatusReceived, "") }
        guard payload.count >= 2 else { throw .closePayloadTooShort }
        let code = WebSocketCloseCode(rawValue: UInt16(payload[0]) << 8 | UInt16(payload[1]))
        guard code.isValidOnWire else { throw .invalidCloseCode(code.rawValue) }
        let reason = payload[2...]
        var validator = UTF8Validator()
        let valid = reason.withUnsafeBufferPointer { validator.validate($0) }
        guard valid, validator.isComplete else { throw .invalidCloseReason }
        return (code, String(decoding: reason, as: UTF8.self))
    }

    /// The payload for `code` and `reason`, the reason cut at a character boundary to fit
    /// `maxReasonLength` bytes so the frame stays a valid control frame.
    public static func encode(code: WebSocketCloseCode, reason: String) -> [UInt8] {
        var payload: [UInt8] = [UInt8(code.rawValue >> 8), UInt8(code.rawValue & 0xFF)]
        let utf8 = Array(reason.utf8)
        var end = min(utf8.count, maxReasonLength)
        // Cut inside a character: back off to its lead byte.
        if end < utf8.count {
            while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        }
        payload.append(contentsOf: utf8[..<end])
        return payload
    }
}
