import Testing
@testable import HTTPServer

/// Each limit exactly at its boundary (accepted) and one byte or one field over it (refused).
@Suite struct HTTPRequestParserLimitTests {
    let limits = HTTPLimits()

    /// A request line of exactly `length` bytes (without CRLF).
    func requestLine(length: Int) -> String {
        "GET /" + String(repeating: "a", count: length - "GET / HTTP/1.1".utf8.count) + " HTTP/1.1"
    }

    @Test func requestLineAtTheLimitIsAcceptedAndOneByteOverIs414() {
        let atLimit = requestLine(length: limits.maxRequestLineLength) + "\r\nHost: a\r\n\r\n"
        #expect(parseOnce(atLimit) == .complete(consumed: atLimit.utf8.count))
        let over = requestLine(length: limits.maxRequestLineLength + 1) + "\r\nHost: a\r\n\r\n"
        #expect(rejectionStatus(over) == 414)
    }

    @Test func anUnfinishedRequestLineIs414AsSoonAsItPassesTheLimit() {
        let line = Array(requestLine(length: limits.maxRequestLineLength + 1).utf8)
        var harness = ParserHarness()
        #expect(harness.parse(Array(line[0..<limits.maxRequestLineLength])) == .needMore)
        guard case .invalid(let rejection) = harness.parse(Array(line[0..<(limits.maxRequestLineLength + 1)])) else {
            Issue.record("expected a rejection")
            return
        }
        #expect(rejection.status == .uriTooLong)
    }

    @Test func aTrailingCRAtTheLimitMayStillStartTheLineEnd() {
        let line = Array(requestLine(length: limits.maxRequestLineLength).utf8)
        var harness = ParserHarness()
        #expect(harness.parse(line + [13]) == .needMore)
        let complete = line + Array("\r\nHost: a\r\n\r\n".utf8)
        #expect(harness.parse(complete) == .complete(consumed: complete.count))
    }

    /// A head of exactly `length` bytes, padded with one long header value.
    func head(length: Int) -> String {
        let fixed = "GET / HTTP/1.1\r\nHost: a\r\nX: \r\n\r\n".utf8.count
        return "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "v", count: length - fixed) + "\r\n\r\n"
    }

    @Test func headAtTheLimitIsAcceptedAndOneByteOverIs431() {
        let atLimit = head(length: limits.maxHeadLength)
        #expect(atLimit.utf8.count == limits.maxHeadLength)
        #expect(parseOnce(atLimit) == .complete(consumed: limits.maxHeadLength))
        #expect(rejectionStatus(head(length: limits.maxHeadLength + 1)) == 431)
    }

    @Test func anUnfinishedHeadIs431OncePastTheLimit() {
        let bytes = Array(head(length: limits.maxHeadLength + 100).utf8)
        var harness = ParserHarness()
        #expect(harness.parse(Array(bytes[0..<limits.maxHeadLength])) == .needMore)
        #expect(rejectionStatus(Array(bytes[0..<(limits.maxHeadLength + 1)])) == 431)
        guard case .invalid(let rejection) = harness.parse(Array(bytes[0..<(limits.maxHeadLength + 1)])) else {
            Issue.record("expected a rejection after incremental parsing")
            return
        }
        #expect(rejection.status == .requestHeaderFieldsTooLarge)
    }

    /// A head with `count` fields in total (Host included).
    func head(fields count: Int) -> String {
        "GET / HTTP/1.1\r\nHost: a\r\n" + (1..<count).map { "X-\($0): v\r\n" }.joined() + "\r\n"
    }

    @Test func headerCountAtTheLimitIsAcceptedAndOneMoreIs431() {
        var harness = ParserHarness()
        let atLimit = head(fields: limits.maxHeaderCount)
        #expect(harness.parse(Array(atLimit.utf8)) == .complete(consumed: atLimit.utf8.count))
        #expect(harness.fields.count == limits.maxHeaderCount)
        #expect(rejectionStatus(head(fields: limits.maxHeaderCount + 1)) == 431)
    }

    @Test func contentLengthAtTheLimitIsAcceptedAndOneOverIs413() {
        var harness = ParserHarness()
        let atLimit = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(limits.maxBodyLength)\r\n\r\n"
        #expect(harness.parse(Array(atLimit.utf8)) == .complete(consumed: atLimit.utf8.count))
        #expect(harness.head.framing == .length(limits.maxBodyLength))
        #expect(rejectionStatus("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(limits.maxBodyLength + 1)\r\n\r\n") == 413)
    }

    @Test func aContentLengthTooLargeForAnyIntegerIs413NotACrash() {
        #expect(rejectionStatus("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999999999\r\n\r\n") == 413)
    }

    @Test func limitsComeFromTheCaller() {
        var small = HTTPLimits()
        small.maxHeaderCount = 2
        small.maxHeadLength = 64
        #expect(rejectionStatus(head(fields: 3), limits: small) == 431)
        #expect(rejectionStatus(head(length: 65), limits: small) == 431)
        #expect(parseOnce(head(length: 64), limits: small) == .complete(consumed: 64))
    }
}
