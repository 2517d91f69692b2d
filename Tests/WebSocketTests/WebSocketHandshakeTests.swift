import Testing
@testable import WebSocket

/// The client's upgrade request.
struct WebSocketHandshakeTests {
    let sample = WebSocketHandshake(keyBytes: bytes("the sample nonce"))

    @Test func usesTheRFCSampleNonceAndItsAccept() {
        #expect(sample.key == "dGhlIHNhbXBsZSBub25jZQ==")
        #expect(sample.expectedAccept == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test func buildsTheUpgradeRequestWithPathQueryAndHeaders() throws {
        let url = try WebSocketURL("ws://example.com:8080/chat?token=abc&tickers=AAPL")
        let request = try sample.request(for: url, headers: [(name: "X-Trace", value: "1")], userAgent: "ratingsd/1")
        #expect(String(decoding: request, as: UTF8.self) == """
            GET /chat?token=abc&tickers=AAPL HTTP/1.1\r
            Host: example.com:8080\r
            Upgrade: websocket\r
            Connection: Upgrade\r
            Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
            Sec-WebSocket-Version: 13\r
            X-Trace: 1\r
            User-Agent: ratingsd/1\r
            \r

            """)
    }

    @Test func drawsAFreshSixteenByteKeyEachTime() {
        let keys = (0..<4).map { _ in WebSocketHandshake().key }
        #expect(Set(keys).count == 4)
        #expect(keys.allSatisfy { Base64.decode($0)?.count == 16 })
    }

    @Test(arguments: [
        ("X-Bad", "a\r\nInjected: yes"), ("X-Bad", "nul\u{0}"), ("Bad Name", "v"), ("", "v"),
        ("Host", "evil.example"), ("sec-websocket-key", "x"), ("Connection", "close"),
    ])
    func refusesHeadersThatWouldBreakOrOverrideTheRequest(_ name: String, _ value: String) throws {
        let url = try WebSocketURL("ws://example.com/")
        #expect(throws: WebSocketError.self) { try sample.request(for: url, headers: [(name: name, value: value)]) }
    }
}
