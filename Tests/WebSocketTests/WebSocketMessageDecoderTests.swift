import Testing
@testable import WebSocket
import TestSupport

/// Reassembly, control frames between fragments, the maximum message size, and the property
/// that any split of the input decodes to the same messages.
struct WebSocketMessageDecoderTests {
    let server = WebSocketFrameEncoder(role: .server)

    @Test func reassemblesTheFragmentedHelloExample() {
        let decoded = decodeMessages([0x01, 0x03, 0x48, 0x65, 0x6C, 0x80, 0x02, 0x6C, 0x6F])
        #expect(decoded == Decoded(messages: [.text(bytes("Hello"))]))
    }

    @Test func deliversControlFramesBetweenFragmentsInWireOrder() {
        var wire: [UInt8] = []
        wire += server.encode(WebSocketFrame(fin: false, opcode: .binary, payload: [1, 2]))
        wire += server.ping(bytes("p"))
        wire += server.encode(WebSocketFrame(fin: false, opcode: .continuation, payload: [3]))
        wire += server.pong(bytes("q"))
        wire += server.encode(WebSocketFrame(fin: true, opcode: .continuation, payload: [4]))
        #expect(decodeMessages(wire) == Decoded(messages: [.ping(bytes("p")), .pong(bytes("q")), .binary([1, 2, 3, 4])]))
    }

    @Test func acceptsAMessageOfExactlyTheMaximumSizeAndRefusesOneByteMore() {
        let limits = WebSocketLimits(maxMessageSize: 300)
        let exact = server.binary([UInt8](repeating: 7, count: 300))
        #expect(decodeMessages(exact, limits: limits).messages == [.binary([UInt8](repeating: 7, count: 300))])
        let over = server.binary([UInt8](repeating: 7, count: 301))
        #expect(decodeMessages(over, limits: limits).error == .messageTooBig(limit: 300))
    }

    @Test func countsEveryFragmentAgainstTheMaximumSize() {
        let limits = WebSocketLimits(maxMessageSize: 16)
        func fragmented(_ first: Int, _ second: Int) -> [UInt8] {
            server.encode(WebSocketFrame(fin: false, opcode: .text, payload: [UInt8](repeating: 0x61, count: first)))
                + server.encode(WebSocketFrame(fin: true, opcode: .continuation, payload: [UInt8](repeating: 0x62, count: second)))
        }
        #expect(decodeMessages(fragmented(8, 8), limits: limits).messages.count == 1)
        #expect(decodeMessages(fragmented(8, 9), limits: limits).error == .messageTooBig(limit: 16))
    }

    @Test func aTwoMessageSequenceStartsFreshAfterTheFirstEnds() {
        let wire = server.encode(WebSocketFrame(fin: false, opcode: .text, payload: bytes("a")))
            + server.encode(WebSocketFrame(fin: true, opcode: .continuation, payload: bytes("b")))
            + server.binary([9])
        #expect(decodeMessages(wire).messages == [.text(bytes("ab")), .binary([9])])
    }

    @Test func acceptsACharacterSplitAcrossFragments() {
        // "€" is E2 82 AC: split after each of its bytes.
        let wire = server.encode(WebSocketFrame(fin: false, opcode: .text, payload: [0x41, 0xE2]))
            + server.encode(WebSocketFrame(fin: false, opcode: .continuation, payload: [0x82]))
            + server.encode(WebSocketFrame(fin: true, opcode: .continuation, payload: [0xAC]))
        #expect(decodeMessages(wire).messages.first?.text == "A€")
    }

    @Test func anySplitOfTheInputDecodesToTheSameMessages() {
        var random = SplitMix64(seed: 0x5EED)
        let client = WebSocketFrameEncoder(role: .client, maskingKeys: { 0xA1B2_C3D4 })
        var wire: [UInt8] = []
        for index in 0..<40 {
            let size = [0, 1, 125, 126, 200, 65535, 65536, 70000][index % 8]
            let text = String(repeating: "é€𝄞x", count: size / 10 + 1)
            switch index % 4 {
            case 0: wire += client.text(text)
            case 1: wire += client.binary((0..<size).map { UInt8(truncatingIfNeeded: $0) })
            case 2:
                let utf8 = Array(text.utf8)
                let cut = utf8.count / 2 + 1  // inside a character, often
                wire += client.encode(WebSocketFrame(fin: false, opcode: .text, payload: Array(utf8[..<cut])))
                wire += client.ping(bytes("between"))
                wire += client.encode(WebSocketFrame(fin: true, opcode: .continuation, payload: Array(utf8[cut...])))
            default: wire += client.pong((0..<min(size, 125)).map { UInt8(truncatingIfNeeded: $0) })
            }
        }
        wire += [0x81, 0x81, 0, 0, 0, 0, 0xFF]  // ends with a violation, which must be found too
        let whole = decodeMessages(wire, role: .server)
        #expect(whole.messages.count == 50)
        #expect(whole.error == .invalidUTF8)
        #expect(decodeMessages(wire, role: .server, pieces: [Int](repeating: 1, count: wire.count)) == whole)
        for _ in 0..<20 {
            var pieces: [Int] = []
            var total = 0
            while total < wire.count {
                let size = Int.random(in: 1...(Bool.random(using: &random) ? 7 : 9000), using: &random)
                pieces.append(size)
                total += size
            }
            #expect(decodeMessages(wire, role: .server, pieces: pieces) == whole)
        }
    }
}
