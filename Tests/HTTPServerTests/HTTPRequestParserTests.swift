import Testing
@testable import HTTPServer

@Suite struct HTTPRequestParserTests {
    @Test func parsesACompleteHeadAndReportsBytesConsumed() {
        let text = "GET /consensus/AAPL?x=1 HTTP/1.1\r\nHost: example.com\r\nAccept:  */* \t\r\n\r\n"
        var harness = ParserHarness()
        let bytes = Array(text.utf8)
        #expect(harness.parse(bytes) == .complete(consumed: bytes.count))
        #expect(harness.text(of: harness.head.method, in: bytes) == "GET")
        #expect(harness.text(of: harness.head.target, in: bytes) == "/consensus/AAPL?x=1")
        #expect(harness.head.queryMark == harness.head.target.lower + 15)
        #expect(harness.head.version == .http1_1)
        #expect(harness.head.keepAlive)
        #expect(harness.head.framing == .none)
        #expect(harness.fields.map(\.name) == ["Host", "Accept"])
        #expect(harness.fields.map(\.value) == ["example.com", "*/*"])
    }

    @Test func aHeadSentOneByteAtATimeCompletesOnlyAtTheLastByte() {
        let bytes = Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nX-Long: \(String(repeating: "v", count: 300))\r\n\r\n".utf8)
        var harness = ParserHarness()
        for end in 1..<bytes.count {
            #expect(harness.parse(Array(bytes[0..<end])) == .needMore, "prefix of \(end) bytes")
        }
        #expect(harness.parse(bytes) == .complete(consumed: bytes.count))
        #expect(harness.head.framing == .length(3))
        #expect(harness.fields.count == 3)
    }

    @Test func aByteAtATimeHeadIsOnlyScannedNotReparsed() {
        // After the request line, later bytes are only scanned for the blank line: progress
        // moves to the end of each prefix without a full parse finding the head complete.
        let bytes = Array("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n".utf8)
        var harness = ParserHarness()
        for end in 1...bytes.count { _ = harness.parse(Array(bytes[0..<end])) }
        #expect(harness.progress.examined == bytes.count)
        #expect(harness.progress.requestLineDone)
    }

    @Test func pipelinedRequestsInOneBufferParseOneAfterAnother() {
        let first = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
        let second = "GET /2 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
        let bytes = Array((first + second + "GET /3 HT").utf8)
        var harness = ParserHarness()
        #expect(harness.parse(bytes) == .complete(consumed: first.utf8.count))
        var rest = Array(bytes[first.utf8.count...])
        harness.progress.reset()
        #expect(harness.parse(rest) == .complete(consumed: second.utf8.count))
        #expect(harness.text(of: harness.head.target, in: rest) == "/2")
        #expect(!harness.head.keepAlive)
        rest = Array(rest[second.utf8.count...])
        harness.progress.reset()
        #expect(harness.parse(rest) == .needMore)
    }

    @Test func emptyLinesBeforeTheRequestLineAreIgnored() {
        let text = "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(parseOnce(text) == .complete(consumed: text.utf8.count))
    }

    @Test func asteriskTargetIsOnlyForOptions() {
        let options = "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(parseOnce(options) == .complete(consumed: options.utf8.count))
        #expect(rejectionStatus("GET * HTTP/1.1\r\nHost: a\r\n\r\n") == 400)
    }

    @Test func malformedPercentEscapesInTheQueryAreLeftToTheApplication() {
        // The application decodes each parameter and can name the malformed one; a broken
        // escape in the path is still the server's 400 (see HTTPRequestParserRejectionTests).
        let text = "GET /ratings?firm=%zz&x=%4 HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(parseOnce(text) == .complete(consumed: text.utf8.count))
        #expect(rejectionStatus("GET /a%zz?firm=ok HTTP/1.1\r\nHost: a\r\n\r\n") == 400)
    }

    @Test func unknownMethodTokensReachTheResponder() {
        let text = "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(parseOnce(text) == .complete(consumed: text.utf8.count))
    }

    @Test func http10WithoutHostIsAccepted() {
        let text = "GET / HTTP/1.0\r\n\r\n"
        #expect(parseOnce(text) == .complete(consumed: text.utf8.count))
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", true),
        ("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", false),
        ("GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, CLOSE\r\n\r\n", false),
        ("GET / HTTP/1.0\r\n\r\n", false),
        ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
        ("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true),
        ("GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n", false),
        ("GET / HTTP/1.0\r\nConnection: keep-alive-ish\r\n\r\n", false),
    ])
    func connectionPersistenceFollowsVersionAndConnectionHeader(text: String, keepAlive: Bool) {
        var harness = ParserHarness()
        #expect(harness.parse(Array(text.utf8)) == .complete(consumed: text.utf8.count))
        #expect(harness.head.keepAlive == keepAlive)
    }
}
