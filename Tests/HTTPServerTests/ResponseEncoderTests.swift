import Testing
@testable import HTTPServer

@Suite struct ResponseEncoderTests {
    let date = Array("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n".utf8)

    func encode(_ response: HTTPResponse, framing: ResponseEncoder.Framing, keepAlive: Bool = true, http10: Bool = false) -> String? {
        let out = ByteBuffer()
        guard ResponseEncoder.appendHead(status: response.status, headers: response.headers, framing: framing, keepAlive: keepAlive, http10Client: http10, date: date, to: out) else {
            #expect(out.isEmpty)
            return nil
        }
        return String(decoding: UnsafeRawBufferPointer(start: out.readPointer, count: out.count), as: UTF8.self)
    }

    @Test func writesStatusApplicationFieldsThenServerFields() {
        let head = encode(HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"]), framing: .length(12))
        #expect(head == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: ratingsd\r\n\r\n")
    }

    @Test func theServerOwnsFramingAndConnectionFields() {
        let headers: HTTPHeaders = ["content-length": "999", "Connection": "keep-alive", "Transfer-Encoding": "gzip", "DATE": "x", "Server": "y", "ETag": "\"7\""]
        let head = encode(HTTPResponse(status: .notFound, headers: headers), framing: .length(0), keepAlive: false)
        #expect(head == "HTTP/1.1 404 Not Found\r\nETag: \"7\"\r\nContent-Length: 0\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: ratingsd\r\nConnection: close\r\n\r\n")
    }

    @Test func http10KeepAliveIsEchoed() {
        let head = encode(HTTPResponse(status: .noContent), framing: .none, http10: true)
        #expect(head == "HTTP/1.1 204 No Content\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: ratingsd\r\nConnection: keep-alive\r\n\r\n")
    }

    @Test func streamsAreChunked() {
        let head = encode(HTTPResponse(status: .ok), framing: .chunked)
        #expect(head?.contains("Transfer-Encoding: chunked\r\n") == true)
        let out = ByteBuffer()
        ResponseEncoder.appendChunk(Array(repeating: 0x61, count: 26), to: out)
        #expect(String(decoding: UnsafeRawBufferPointer(start: out.readPointer, count: out.count), as: UTF8.self) == "1a\r\n" + String(repeating: "a", count: 26) + "\r\n")
    }

    @Test(arguments: [
        ("X-Injected", "a\r\nSet-Cookie: x=1"), ("X-A", "a\nb"), ("X-A", "nul\u{00}"), ("Bad Name", "v"), ("", "v"), ("X:Y", "v"),
    ])
    func fieldsThatCouldSplitTheResponseAreRefused(_ name: String, _ value: String) {
        #expect(encode(HTTPResponse(status: .ok, headers: [name: value]), framing: .length(0)) == nil)
    }

    @Test func aPreparedListIsWrittenExactlyAsTheSameListUnprepared() {
        let fields: HTTPHeaders = ["Content-Type": "application/json", "Server": "other", "Access-Control-Allow-Origin": "*"]
        var plain = fields
        var prepared = fields.prepared()
        for name in ["ETag", "Link", "X-Third"] {
            plain.add(name: name, value: "v-\(name)")
            prepared.add(name: name, value: "v-\(name)")
            let expected = encode(HTTPResponse(status: .ok, headers: plain), framing: .length(3))
            #expect(expected?.contains("Server: other") == false)
            #expect(encode(HTTPResponse(status: .ok, headers: prepared), framing: .length(3)) == expected)
        }
    }

    @Test func aFieldAddedToAPreparedListIsStillChecked() {
        var headers = (["Content-Type": "application/json"] as HTTPHeaders).prepared()
        headers.add(name: "ETag", value: "\"1\"\r\nSet-Cookie: x=1")
        #expect(encode(HTTPResponse(status: .ok, headers: headers), framing: .length(0)) == nil)
    }

    @Test func statusCodesOutsideThreeDigitsAreRefused() {
        #expect(encode(HTTPResponse(status: HTTPStatus(code: 1000, reasonPhrase: "X")), framing: .none) == nil)
        #expect(encode(HTTPResponse(status: HTTPStatus(code: 200, reasonPhrase: "OK\r\nX: y")), framing: .none) == nil)
    }

    @Test func bodylessStatusesAreRecognised() {
        #expect(!ResponseEncoder.allowsBody(.noContent))
        #expect(!ResponseEncoder.allowsBody(.notModified))
        #expect(!ResponseEncoder.allowsBody(HTTPStatus(code: 101, reasonPhrase: "Switching Protocols")))
        #expect(ResponseEncoder.allowsBody(.ok))
    }
}
