@testable import HTTPServer

/// Runs the request parser over raw bytes the way a connection does, for unit tests.
struct ParserHarness {
    var limits = HTTPLimits()
    var progress = HTTPHeadProgress()
    var head = HTTPRequestHead()
    private(set) var fields: [(name: String, value: String)] = []

    init(limits: HTTPLimits = HTTPLimits()) { self.limits = limits }

    /// Parses `bytes` (everything received so far for this request).
    mutating func parse(_ bytes: [UInt8]) -> HTTPParseResult {
        let spans = UnsafeMutableBufferPointer<HTTPHeaderSpan>.allocate(capacity: limits.maxHeaderCount)
        defer { spans.deallocate() }
        let parser = HTTPRequestParser(limits: limits)
        return bytes.withUnsafeBytes { raw in
            let result = parser.parse(raw, progress: &progress, head: &head, headers: spans)
            if case .complete = result {
                let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                fields = (0..<head.headerCount).map { k in
                    (text(base, spans[k].name), text(base, spans[k].value))
                }
            }
            return result
        }
    }

    /// The method, target and other parts of the completed head, as text.
    func text(of range: ByteRange, in bytes: [UInt8]) -> String {
        String(decoding: bytes[range.lower..<range.upper], as: UTF8.self)
    }

    private func text(_ base: UnsafePointer<UInt8>, _ range: ByteRange) -> String {
        String(decoding: UnsafeBufferPointer(start: base + range.lower, count: range.count), as: UTF8.self)
    }
}

/// Parses `text` in one call with `limits`.
func parseOnce(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPParseResult {
    var harness = ParserHarness(limits: limits)
    return harness.parse(Array(text.utf8))
}

/// Parses `bytes` in one call and returns the rejection's status code, or nil if not rejected.
func rejectionStatus(_ text: String, limits: HTTPLimits = HTTPLimits()) -> Int? {
    rejectionStatus(Array(text.utf8), limits: limits)
}

func rejectionStatus(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits()) -> Int? {
    var harness = ParserHarness(limits: limits)
    if case .invalid(let rejection) = harness.parse(bytes) { return rejection.status.code }
    return nil
}
