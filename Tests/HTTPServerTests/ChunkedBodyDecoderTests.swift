import Testing
@testable import HTTPServer

@Suite struct ChunkedBodyDecoderTests {
    /// Decodes `text` in pieces of `step` bytes; returns the last result, the body, and the
    /// total consumed.
    func decode(_ text: String, step: Int = .max, limits: HTTPLimits = HTTPLimits()) -> (HTTPParseResult, String, Int) {
        let bytes = Array(text.utf8)
        var decoder = ChunkedBodyDecoder(limits: limits)
        var body: [UInt8] = []
        var offset = 0
        var result = HTTPParseResult.needMore
        while offset < bytes.count {
            let end = min(bytes.count, offset + step)
            result = bytes[offset..<end].withUnsafeBytes { decoder.decode($0, into: &body) }
            switch result {
            case .needMore: offset = end
            case .complete(let consumed): return (result, String(decoding: body, as: UTF8.self), offset + consumed)
            case .invalid: return (result, String(decoding: body, as: UTF8.self), offset)
            }
        }
        return (result, String(decoding: body, as: UTF8.self), offset)
    }

    @Test func decodesChunksWithExtensionsAndTrailers() {
        let text = "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
        let (result, body, consumed) = decode(text)
        #expect(result == .complete(consumed: text.utf8.count))
        #expect(body == "hello world")
        #expect(consumed == text.utf8.count)
    }

    @Test func decodesTheSameBodyFedOneByteAtATime() {
        let text = "A\r\n0123456789\r\n1\r\n!\r\n0\r\n\r\n"
        let (result, body, consumed) = decode(text, step: 1)
        #expect(result == .complete(consumed: 1))
        #expect(body == "0123456789!")
        #expect(consumed == text.utf8.count)
    }

    @Test func leavesBytesAfterTheBodyForTheNextRequest() {
        let text = "0\r\n\r\nGET / HTTP/1.1\r\n"
        #expect(decode(text).0 == .complete(consumed: 5))
    }

    @Test func aBodyAtTheLimitIsAcceptedAndAChunkOverItIs413BeforeItsDataArrives() {
        var limits = HTTPLimits()
        limits.maxBodyLength = 16
        #expect(decode("10\r\n0123456789abcdef\r\n0\r\n\r\n", limits: limits).1 == "0123456789abcdef")
        let (result, body, _) = decode("8\r\n01234567\r\n9\r\n", limits: limits)
        #expect(result == .invalid(HTTPRejection(status: .contentTooLarge, detail: "body larger than 16 bytes")))
        #expect(body == "01234567")
    }

    @Test(arguments: [
        "x\r\n", "\r\n", "5\rhello", "5\r\nhelloX\r\n", "5\r\nhello\rX", "-1\r\n",
        "5;a\u{01}\r\n", "0\r\nX-T: a\u{01}\r\n\r\n", "0\r\n\n", "0\r\n\r\r",
    ])
    func malformedChunkingIs400(_ text: String) {
        guard case .invalid(let rejection) = decode(text).0 else {
            Issue.record("accepted \(text.debugDescription)")
            return
        }
        #expect(rejection.status == .badRequest)
    }

    @Test func aChunkSizeLineOverItsLimitIs400() {
        let text = "1;" + String(repeating: "e", count: HTTPLimits().maxChunkLineLength) + "\r\n"
        #expect(decode(text).0 == .invalid(HTTPRejection(status: .badRequest, detail: "chunk size line longer than 1024 bytes")))
    }
}
