import Testing
@testable import WebSocket

/// The encoder produces RFC 6455 section 5.7's examples byte for byte.
struct WebSocketFrameEncoderTests {
    let server = WebSocketFrameEncoder(role: .server)

    @Test func encodesTheUnmaskedHelloExample() {
        #expect(server.text("Hello") == [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
    }

    @Test func encodesTheMaskedHelloExample() {
        #expect(rfcMaskingEncoder.text("Hello") == [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
    }

    @Test func encodesTheFragmentedHelExample() {
        let first = server.encode(WebSocketFrame(fin: false, opcode: .text, payload: bytes("Hel")))
        let second = server.encode(WebSocketFrame(fin: true, opcode: .continuation, payload: bytes("lo")))
        #expect(first + second == [0x01, 0x03, 0x48, 0x65, 0x6C, 0x80, 0x02, 0x6C, 0x6F])
    }

    @Test func encodesThePingAndMaskedPongExamples() {
        #expect(server.ping(bytes("Hello")) == [0x89, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(rfcMaskingEncoder.pong(bytes("Hello")) == [0x8A, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
    }

    @Test func usesTheMinimalLengthEncodingAtEachBoundary() {
        #expect(Array(server.binary([UInt8](repeating: 0, count: 125)).prefix(2)) == [0x82, 0x7D])
        #expect(Array(server.binary([UInt8](repeating: 0, count: 126)).prefix(4)) == [0x82, 0x7E, 0x00, 0x7E])
        #expect(Array(server.binary([UInt8](repeating: 0, count: 256)).prefix(4)) == [0x82, 0x7E, 0x01, 0x00])
        #expect(Array(server.binary([UInt8](repeating: 0, count: 65535)).prefix(4)) == [0x82, 0x7E, 0xFF, 0xFF])
        #expect(Array(server.binary([UInt8](repeating: 0, count: 65536)).prefix(10)) == [0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0, 0])
    }

    @Test func aClientDrawsAFreshMaskingKeyForEveryFrame() {
        let client = WebSocketFrameEncoder(role: .client)
        let keys = Set((0..<8).map { _ in Array(client.text("x")[2..<6]) })
        #expect(keys.count > 1)
    }

    @Test func encodesACloseWithCodeAndReasonOrWithNoBody() {
        #expect(server.close(code: .goingAway, reason: "bye") == [0x88, 0x05, 0x03, 0xE9, 0x62, 0x79, 0x65])
        #expect(server.close(code: nil) == [0x88, 0x00])
    }
}
