import Testing
@testable import HTTPServer

/// Every malformed or ambiguous head the parser must refuse, with the status it must refuse it with.
@Suite struct HTTPRequestParserRejectionTests {
    @Test(arguments: [
        ("duplicate identical Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n"),
        ("conflicting Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"),
        ("Content-Length list", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\n"),
        ("signed Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n"),
        ("negative Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n"),
        ("empty Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n"),
        ("Content-Length with Transfer-Encoding", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"),
        ("Transfer-Encoding with Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"),
        ("chunked twice", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n"),
        ("chunked on HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"),
        ("empty Transfer-Encoding", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \r\n\r\n"),
        ("obs-fold", "GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n two\r\n\r\n"),
        ("obs-fold with tab", "GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n\ttwo\r\n\r\n"),
        ("whitespace before first header", "GET / HTTP/1.1\r\n Host: a\r\n\r\n"),
        ("space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n"),
        ("empty header name", "GET / HTTP/1.1\r\nHost: a\r\n: x\r\n\r\n"),
        ("header name with separator", "GET / HTTP/1.1\r\nHost: a\r\nX(A): x\r\n\r\n"),
        ("header line without colon", "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n"),
        ("control character in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{01}b\r\n\r\n"),
        ("DEL in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{7F}b\r\n\r\n"),
        ("NUL in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{00}b\r\n\r\n"),
        ("bare CR in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\rb\r\n\r\n"),
        ("bare LF ends a header", "GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n"),
        ("bare LF ends the request line", "GET / HTTP/1.1\nHost: a\r\n\r\n"),
        ("bare LF ends the head", "GET / HTTP/1.1\r\nHost: a\r\n\n"),
        ("bare CR ends the head", "GET / HTTP/1.1\r\nHost: a\r\n\rX"),
        ("missing Host on HTTP/1.1", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n"),
        ("two Host headers", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
        ("absolute-form target", "GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("authority-form target", "CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("relative target", "GET index.html HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("space inside target", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("two spaces after method", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("tab after method", "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("control character in target", "GET /a\u{01} HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("fragment in target", "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("non-ASCII in target", "GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("broken percent-escape", "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("truncated percent-escape", "GET /a%4 HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("empty target", "GET  HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("invalid method character", "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("lower-case protocol name", "GET / http/1.1\r\nHost: a\r\n\r\n"),
        ("version without minor", "GET / HTTP/1\r\nHost: a\r\n\r\n"),
        ("three-digit version", "GET / HTTP/1.10\r\nHost: a\r\n\r\n"),
        ("missing version", "GET /\r\nHost: a\r\n\r\n"),
        ("trailing space after version", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n"),
    ])
    func malformedOrAmbiguousHeadsAre400(_ name: String, _ text: String) {
        #expect(rejectionStatus(text) == 400, "\(name)")
    }

    @Test func binaryGarbageIsRefusedAtOnceWithoutWaitingForALineEnd() {
        // A TLS ClientHello sent to a plain-text port.
        #expect(rejectionStatus([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC]) == 400)
    }

    @Test(arguments: [
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;ext=1\r\n\r\n",
    ])
    func unknownTransferCodingsAre501(_ text: String) {
        #expect(rejectionStatus(text) == 501)
    }

    @Test func expectationsOtherThan100ContinueAre417() {
        #expect(rejectionStatus("POST / HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\n") == 417)
        var harness = ParserHarness()
        let text = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n"
        #expect(harness.parse(Array(text.utf8)) == .complete(consumed: text.utf8.count))
        #expect(harness.head.expectsContinue)
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0"])
    func versionsOtherThan10And11Are505(_ version: String) {
        #expect(rejectionStatus("GET / \(version)\r\nHost: a\r\n\r\n") == 505)
    }

    @Test func chunkedAsFinalCodingIsAcceptedAcrossHeaderLines() {
        var harness = ParserHarness()
        let text = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
        #expect(harness.parse(Array(text.utf8)) == .complete(consumed: text.utf8.count))
        #expect(harness.head.framing == .chunked)
    }

    @Test func contentLengthWithLeadingZerosIsItsDecimalValue() {
        var harness = ParserHarness()
        let text = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 007\r\n\r\n"
        #expect(harness.parse(Array(text.utf8)) == .complete(consumed: text.utf8.count))
        #expect(harness.head.framing == .length(7))
    }
}
