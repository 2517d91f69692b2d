@testable import WebSocket

/// Everything a message decoder produced from an input: the messages, then the error if any.
struct Decoded: Equatable {
    var messages: [WebSocketMessage] = []
    var error: WebSocketProtocolError?
}

/// Decodes `bytes` fed in pieces of the given sizes (one piece if nil), pulling every message
/// after each piece, and stopping at the first error.
func decodeMessages(
    _ bytes: [UInt8], role: WebSocketRole = .client, limits: WebSocketLimits = WebSocketLimits(), pieces: [Int]? = nil
) -> Decoded {
    var decoder = WebSocketMessageDecoder(role: role, limits: limits)
    var result = Decoded()
    var offset = 0
    for size in pieces ?? [bytes.count] {
        decoder.append(contentsOf: bytes[offset..<min(bytes.count, offset + size)])
        offset += size
        do {
            while let message = try decoder.nextMessage() { result.messages.append(message) }
        } catch {
            result.error = error
            return result
        }
    }
    return result
}

/// Decodes raw frames (no reassembly) from `bytes` in one piece.
func decodeFrames(_ bytes: [UInt8], role: WebSocketRole = .client, limits: WebSocketLimits = WebSocketLimits()) throws(WebSocketProtocolError) -> [WebSocketFrame] {
    var decoder = WebSocketFrameDecoder(role: role, limits: limits)
    decoder.append(contentsOf: bytes)
    var frames: [WebSocketFrame] = []
    while let frame = try decoder.nextFrame() { frames.append(frame) }
    return frames
}

/// An encoder whose masking key is RFC 6455's example key 37 fa 21 3d.
let rfcMaskingEncoder = WebSocketFrameEncoder(role: .client, maskingKeys: { 0x37FA_213D })

/// The bytes of a text.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
