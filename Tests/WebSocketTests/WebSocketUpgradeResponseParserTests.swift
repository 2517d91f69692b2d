import Testing
@testable import WebSocket

/// The client's reading of the 101 response (or of a refusal).
struct WebSocketUpgradeResponseParserTests {
    let accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

    func parse(_ text: String, trailing: [UInt8] = [], pieces: Int? = nil, maxHeadLength: Int = 16 * 1024, maxHeaderCount: Int = 100) throws(WebSocketError) -> [UInt8]? {
        var parser = WebSocketUpgradeResponseParser(expectedAccept: accept, maxHeadLength: maxHeadLength, maxHeaderCount: maxHeaderCount)
        let input = bytes(text) + trailing
        let size = pieces ?? input.count
        var offset = 0
        while offset < input.count {
            if let rest = try parser.parse(input[offset..<min(input.count, offset + size)]) {
                return rest + input[min(input.count, offset + size)...]
            }
            offset += size
        }
        return nil
    }

    func response(_ headers: String) -> String { "HTTP/1.1 101 Switching Protocols\r\n\(headers)\r\n" }
    var goodHeaders: String { "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n" }

    @Test func acceptsAValid101AndKeepsTheFramesThatFollowIt() throws {
        let frame: [UInt8] = [0x81, 0x02, 0x68, 0x69]
        #expect(try parse(response(goodHeaders), trailing: frame) == frame)
        #expect(try parse(response(goodHeaders)) == [])
    }

    @Test func acceptsTheResponseByteByByte() throws {
        #expect(try parse(response(goodHeaders), trailing: [0x8A, 0x00], pieces: 1) == [0x8A, 0x00])
    }

    @Test func readsTokenListsWithoutCaringForCaseOrOrder() throws {
        let headers = "upgrade: WebSocket\r\nconnection: keep-alive, UPGRADE\r\nsec-websocket-accept:  \(accept) \r\nServer: x\r\n"
        #expect(try parse(response(headers)) == [])
    }

    @Test func waitsForTheBlankLine() throws {
        #expect(try parse("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n") == nil)
    }

    @Test(arguments: [(401, "Unauthorized"), (403, "Forbidden"), (429, "Too Many Requests"), (503, "Service Unavailable")])
    func aRefusalCarriesItsStatusAndReason(_ status: Int, _ reason: String) {
        let text = "HTTP/1.1 \(status) \(reason)\r\nContent-Length: 0\r\n\r\n"
        #expect(throws: WebSocketError.upgradeRefused(status: status, reason: reason)) { try parse(text) }
    }

    @Test func aWrongAcceptIsInvalid() {
        let headers = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n"
        #expect(throws: WebSocketError.handshakeInvalid("wrong Sec-WebSocket-Accept")) { try parse(response(headers)) }
    }

    @Test(arguments: [
        ("Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", "missing Upgrade: websocket"),
        ("Upgrade: h2c\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", "missing Upgrade: websocket"),
        ("Upgrade: websocket\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", "missing Connection: upgrade"),
        ("Upgrade: websocket\r\nConnection: Upgrade\r\n", "expected one Sec-WebSocket-Accept, got 0"),
    ])
    func aMissingHeaderIsInvalid(_ headers: String, _ why: String) {
        #expect(throws: WebSocketError.handshakeInvalid(why)) { try parse(response(headers)) }
    }

    @Test func anExtensionOrSubprotocolWeDidNotOfferIsInvalid() {
        #expect(throws: WebSocketError.handshakeInvalid("unrequested extension")) {
            try parse(response(goodHeaders + "Sec-WebSocket-Extensions: permessage-deflate\r\n"))
        }
        #expect(throws: WebSocketError.handshakeInvalid("unrequested subprotocol")) {
            try parse(response(goodHeaders + "Sec-WebSocket-Protocol: chat\r\n"))
        }
    }

    @Test(arguments: ["HTTP/1.1 10\r\n\r\n", "HTTP/1.1 101OK\r\n\r\n", "HTTP/2 101 OK\r\n\r\n", "HTTP/1.1 1O1 OK\r\n\r\n", "ICY 200 OK\r\n\r\n", "HTTP/1.1  101 x\r\n\r\n"])
    func aMalformedStatusLineIsInvalid(_ text: String) {
        #expect(throws: WebSocketError.handshakeInvalid("malformed status line")) { try parse(text) }
    }

    @Test func aFoldedOrMalformedHeaderLineIsInvalid() {
        #expect(throws: WebSocketError.handshakeInvalid("malformed header line")) { try parse(response(goodHeaders + " folded\r\n")) }
        #expect(throws: WebSocketError.handshakeInvalid("malformed header line")) { try parse(response(goodHeaders + "NoColon\r\n")) }
    }

    @Test func aHeadOverItsLimitIsInvalidEvenBeforeItEnds() {
        let long = "HTTP/1.1 101 Switching Protocols\r\nX: \(String(repeating: "a", count: 300))"
        #expect(throws: WebSocketError.handshakeInvalid("response head longer than 256 bytes")) { try parse(long, pieces: 10, maxHeadLength: 256) }
    }

    @Test func tooManyHeaderFieldsIsInvalid() {
        let many = String(repeating: "X: 1\r\n", count: 5)
        #expect(throws: WebSocketError.handshakeInvalid("more than 4 header fields")) { try parse(response(many), maxHeaderCount: 4) }
    }
}
