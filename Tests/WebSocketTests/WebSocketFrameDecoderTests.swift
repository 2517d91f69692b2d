import Testing
@testable import WebSocket

/// The frame layer on raw wire bytes: RFC 6455 section 5.7's examples byte for byte, the three
/// length encodings, and lengths refused from the header alone.
struct WebSocketFrameDecoderTests {
    @Test func decodesTheUnmaskedHelloExample() throws {
        let frames = try decodeFrames([0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(frames == [WebSocketFrame(opcode: .text, payload: bytes("Hello"))])
    }

    @Test func decodesTheMaskedHelloExampleAsAServer() throws {
        let frames = try decodeFrames([0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58], role: .server)
        #expect(frames == [WebSocketFrame(opcode: .text, payload: bytes("Hello"))])
    }

    @Test func decodesTheFragmentedHelExample() throws {
        let frames = try decodeFrames([0x01, 0x03, 0x48, 0x65, 0x6C, 0x80, 0x02, 0x6C, 0x6F])
        #expect(frames == [
            WebSocketFrame(fin: false, opcode: .text, payload: bytes("Hel")),
            WebSocketFrame(fin: true, opcode: .continuation, payload: bytes("lo")),
        ])
    }

    @Test func decodesThePingAndMaskedPongExamples() throws {
        #expect(try decodeFrames([0x89, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F]) == [WebSocketFrame(opcode: .ping, payload: bytes("Hello"))])
        let pong: [UInt8] = [0x8A, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58]
        #expect(try decodeFrames(pong, role: .server) == [WebSocketFrame(opcode: .pong, payload: bytes("Hello"))])
    }

    @Test func decodesThe256ByteBinaryExampleWithA16BitLength() throws {
        let payload = (0..<256).map { UInt8($0) }
        let frames = try decodeFrames([0x82, 0x7E, 0x01, 0x00] + payload)
        #expect(frames == [WebSocketFrame(opcode: .binary, payload: payload)])
    }

    @Test func decodesThe64KiBBinaryExampleWithA64BitLength() throws {
        let payload = (0..<65536).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let frames = try decodeFrames([0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00] + payload)
        #expect(frames == [WebSocketFrame(opcode: .binary, payload: payload)])
    }

    @Test func waitsForTheWholePayloadBeforeReturningAFrame() throws {
        var decoder = WebSocketFrameDecoder(role: .client)
        decoder.append(contentsOf: [0x81, 0x05, 0x48, 0x65])
        #expect(try decoder.nextFrame() == nil)
        #expect(decoder.bufferedByteCount == 4)
        decoder.append(contentsOf: [0x6C, 0x6C, 0x6F, 0x89])
        #expect(try decoder.nextFrame()?.payload == bytes("Hello"))
        #expect(try decoder.nextFrame() == nil)
        #expect(decoder.bufferedByteCount == 1)
    }

    @Test func refusesAnOversizedFrameFromItsHeaderBeforeThePayloadArrives() {
        var decoder = WebSocketFrameDecoder(role: .client, limits: WebSocketLimits(maxMessageSize: 1000))
        // Claims 2^40 bytes; only the header is here, and nothing is allocated for it.
        decoder.append(contentsOf: [0x82, 0x7F, 0, 0, 0x01, 0, 0, 0, 0, 0])
        #expect(throws: WebSocketProtocolError.messageTooBig(limit: 1000)) { try decoder.nextFrame() }
        #expect(decoder.bufferedByteCount == 10)
    }

    @Test func keepsFailingWithTheSameErrorAfterAViolation() {
        var decoder = WebSocketFrameDecoder(role: .client)
        decoder.append(contentsOf: [0xC1, 0x00])
        #expect(throws: WebSocketProtocolError.reservedBitsSet) { try decoder.nextFrame() }
        decoder.append(contentsOf: [0x81, 0x00])
        #expect(throws: WebSocketProtocolError.reservedBitsSet) { try decoder.nextFrame() }
    }

    @Test func unmasksPayloadsOfEveryLengthAroundTheEightByteStride() throws {
        for count in 0..<40 {
            let payload = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 5) }
            let wire = rfcMaskingEncoder.encode(WebSocketFrame(opcode: .binary, payload: payload))
            #expect(try decodeFrames(wire, role: .server) == [WebSocketFrame(opcode: .binary, payload: payload)])
        }
    }
}
