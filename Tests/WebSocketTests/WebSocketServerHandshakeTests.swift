import Testing
@testable import WebSocket

/// The server side of the handshake, as the upstream simulator will use it.
struct WebSocketServerHandshakeTests {
    let rfcRequest: [(name: String, value: String)] = [
        (name: "Host", value: "server.example.com"), (name: "Upgrade", value: "websocket"),
        (name: "Connection", value: "Upgrade"), (name: "Sec-WebSocket-Key", value: "dGhlIHNhbXBsZSBub25jZQ=="),
        (name: "Origin", value: "http://example.com"), (name: "Sec-WebSocket-Version", value: "13"),
    ]

    func replacing(_ name: String, with value: String?) -> [(name: String, value: String)] {
        var headers = rfcRequest.filter { $0.name != name }
        if let value { headers.append((name: name, value: value)) }
        return headers
    }

    @Test func answersTheRFCExampleWithItsAccept() throws {
        let response = try WebSocketServerHandshake.response(to: rfcRequest)
        #expect(String(decoding: response, as: UTF8.self) == """
            HTTP/1.1 101 Switching Protocols\r
            Upgrade: websocket\r
            Connection: Upgrade\r
            Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r
            \r

            """)
    }

    @Test func acceptsWhatOurOwnClientSends() throws {
        let handshake = WebSocketHandshake()
        let request = String(decoding: try handshake.request(for: try WebSocketURL("ws://127.0.0.1:9/x?token=t")), as: UTF8.self)
        let headers = request.split(separator: "\r\n").dropFirst().map { line in
            let colon = line.firstIndex(of: ":")!
            return (name: String(line[..<colon]), value: String(line[line.index(after: colon)...]).trimmingASCIISpaces())
        }
        var parser = WebSocketUpgradeResponseParser(expectedAccept: handshake.expectedAccept)
        #expect(try parser.parse(try WebSocketServerHandshake.response(to: headers)) == [])
    }

    @Test(arguments: [
        ("Sec-WebSocket-Key", nil, 400), ("Sec-WebSocket-Key", "dG9vIHNob3J0", 400), ("Sec-WebSocket-Key", "not base64!", 400),
        ("Sec-WebSocket-Version", "8", 426), ("Sec-WebSocket-Version", nil, 426), ("Upgrade", nil, 400),
        ("Upgrade", "h2c", 400), ("Connection", "keep-alive", 400), ("Host", nil, 400),
    ] as [(String, String?, Int)])
    func refusesABadUpgradeWithTheRightStatus(_ name: String, _ value: String?, _ status: Int) {
        do {
            _ = try WebSocketServerHandshake.response(to: replacing(name, with: value))
            Issue.record("accepted a request with \(name): \(value ?? "(none)")")
        } catch {
            #expect(error.status == status)
            #expect(error.headers.map(\.name) == (status == 426 ? ["Sec-WebSocket-Version"] : []))
            #expect(String(decoding: error.responseBytes, as: UTF8.self).hasPrefix("HTTP/1.1 \(status) "))
        }
    }
}
