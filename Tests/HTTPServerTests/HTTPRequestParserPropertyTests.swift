import Testing
@testable import HTTPServer
import TestSupport

/// Mutated requests, parsed in one call and again one byte at a time, must get the same verdict.
/// The incremental parser only re-parses when a line ends the request line, the head ends, or a
/// bare CR or LF appears, so a bad character inside a complete header line is refused when the
/// head ends rather than at once; it must never accept what a full parse refuses.
@Suite struct HTTPRequestParserPropertyTests {
    static let seeds = [
        "GET /a?b=c HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n\r\n",
        "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nConnection: close\r\n\r\n",
        "OPTIONS * HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
    ]
    static let alphabet: [UInt8] = Array("\r\n \t:/%?*aZ0-".utf8) + [0, 0x7F, 0x80, 0xFF]

    func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = Int.random(in: 0..<bytes.count, using: &random)
            let byte = Self.alphabet.randomElement(using: &random)!
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes[position] = byte
            case 1: bytes.insert(byte, at: position)
            default: if bytes.count > 1 { bytes.remove(at: position) }
            }
        }
        return bytes
    }

    @Test func incrementalParsingAgreesWithParsingInOneCall() {
        var limits = HTTPLimits()
        limits.maxRequestLineLength = 24
        limits.maxHeadLength = 64
        limits.maxHeaderCount = 3
        var random = SplitMix64(seed: 2024)
        var disagreements: [String] = []
        for _ in 0..<3000 {
            let input = mutate(Array(Self.seeds.randomElement(using: &random)!.utf8), using: &random)
            var whole = ParserHarness(limits: limits)
            let oneCall = whole.parse(input)
            var pieces = ParserHarness(limits: limits)
            let incremental = feedByteByByte(input, to: &pieces)
            let agree: Bool
            switch (oneCall, incremental) {
            case (.complete(let a), .complete(let b)): agree = a == b && whole.head == pieces.head
            case (.needMore, .needMore), (.invalid, .invalid): agree = true
            case (.invalid, .needMore):
                // Deferred to the end of the head: finishing it must bring the refusal.
                if case .invalid = feedByteByByte(input + Array("\r\n\r\n".utf8), to: &pieces, from: input.count + 1) {
                    agree = true
                } else {
                    agree = false
                }
            default: agree = false
            }
            if !agree { disagreements.append("\(input.debugDescription): \(oneCall) vs \(incremental)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
    }

    /// Parses growing prefixes of `input` from `start` bytes on; the first verdict that is not
    /// `.needMore`, or `.needMore`.
    func feedByteByByte(_ input: [UInt8], to harness: inout ParserHarness, from start: Int = 1) -> HTTPParseResult {
        for end in start...input.count {
            let result = harness.parse(Array(input[0..<end]))
            if case .needMore = result { continue }
            return result
        }
        return .needMore
    }

    @Test func chunkedDecodingAgreesWhetherFedWholeOrByteByByte() {
        var random = SplitMix64(seed: 7)
        let seed = Array("4;x=y\r\nWiki\r\n5\r\npedia\r\n0\r\nT: v\r\n\r\n".utf8)
        var limits = HTTPLimits()
        limits.maxBodyLength = 12
        for _ in 0..<2000 {
            let input = mutate(seed, using: &random)
            var whole = ChunkedBodyDecoder(limits: limits), wholeBody: [UInt8] = []
            let oneCall = input.withUnsafeBytes { whole.decode($0, into: &wholeBody) }
            var pieces = ChunkedBodyDecoder(limits: limits), piecesBody: [UInt8] = []
            var incremental = HTTPParseResult.needMore
            var consumed = 0
            for k in 0..<input.count {
                incremental = input[k...k].withUnsafeBytes { pieces.decode($0, into: &piecesBody) }
                if case .needMore = incremental { continue }
                if case .complete(let used) = incremental { consumed = k + used }
                break
            }
            switch (oneCall, incremental) {
            case (.complete(let n), .complete): #expect(n == consumed && wholeBody == piecesBody)
            case (.needMore, .needMore): #expect(wholeBody == piecesBody)
            case (.invalid(let a), .invalid(let b)): #expect(a == b)
            default: Issue.record("\(input.debugDescription): \(oneCall) vs \(incremental)")
            }
        }
    }
}
