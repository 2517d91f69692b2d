extension HTTPRequestParser {
    /// Parses from the request line to the blank line in one pass; `.needMore` when the bytes
    /// run out first. Resets nothing in `head` itself: the caller passes a fresh one.
    func parseFully(
        _ base: UnsafePointer<UInt8>, count n: Int, progress: inout HTTPHeadProgress,
        head: inout HTTPRequestHead, headers: UnsafeMutableBufferPointer<HTTPHeaderSpan>
    ) -> HTTPParseResult {
        let classes = HTTPByteClass.table
        var i = progress.lineStart
        // RFC 9112 2.2: empty lines before a request line are ignored (some clients send a
        // CRLF after a body); they still count toward the head limit.
        while i < n && base[i] == Self.cr {
            guard i + 1 < n else { return .needMore }
            guard base[i + 1] == Self.lf else { return Self.bad("bare CR in request line") }
            i += 2
            progress.lineStart = i
        }
        let lineStart = i
        while i < n && classes[Int(base[i])] & HTTPByteClass.token != 0 { i += 1 }
        guard i < n else { return .needMore }
        guard i > lineStart, base[i] == Self.space else { return Self.bad("malformed method in request line") }
        head.method = ByteRange(lower: lineStart, upper: i)
        i += 1
        let targetStart = i
        var sawPercent = false
        while i < n {
            let b = base[i]
            guard classes[Int(b)] & HTTPByteClass.target != 0 else { break }
            if b == UInt8(ascii: "?") && head.queryMark == nil { head.queryMark = i }
            if b == UInt8(ascii: "%") { sawPercent = true }
            i += 1
        }
        guard i < n else { return .needMore }
        guard i > targetStart, base[i] == Self.space else { return Self.bad("invalid character in request target") }
        head.target = ByteRange(lower: targetStart, upper: i)
        i += 1
        switch parseVersion(base, at: i, count: n, lineStart: lineStart) {
        case .invalid(let rejection): return .invalid(rejection)
        case .needMore: return .needMore
        case .complete: break
        }
        head.version = HTTPVersion(major: Int(base[i + 5] - 0x30), minor: Int(base[i + 7] - 0x30))
        i += 10
        if let rejection = checkTarget(base, head: head, sawPercent: sawPercent) { return .invalid(rejection) }
        progress.requestLineDone = true
        return parseFields(base, from: i, count: n, head: &head, headers: headers)
    }

    /// Checks `HTTP/d.d` CRLF at `i` and the request-line length; `.complete` means the version is
    /// 1.0 or 1.1. Returns early on bytes that cannot become a version, so garbage is a 400 at once.
    private func parseVersion(_ base: UnsafePointer<UInt8>, at i: Int, count n: Int, lineStart: Int) -> HTTPParseResult {
        let expected: StaticString = "HTTP/0.0\r\n"
        let literal = expected.utf8Start
        for k in 0..<min(10, n - i) {
            let b = base[i + k]
            let ok: Bool = switch k {
            case 5, 7: b >= 0x30 && b <= 0x39
            default: b == literal[k]
            }
            guard ok else {
                if k == 8 && b == Self.lf { return Self.bad("bare LF ends the request line") }
                return Self.bad(k == 9 ? "bare CR in request line" : "malformed HTTP version")
            }
        }
        guard n - i >= 10 else { return .needMore }
        if i + 8 - lineStart > limits.maxRequestLineLength {
            return .invalid(HTTPRejection(status: .uriTooLong, detail: "request line longer than \(limits.maxRequestLineLength) bytes"))
        }
        guard base[i + 5] == 0x31, base[i + 7] == 0x30 || base[i + 7] == 0x31 else {
            return .invalid(HTTPRejection(status: .httpVersionNotSupported, detail: "only HTTP/1.0 and HTTP/1.1 are served"))
        }
        return .complete(consumed: 10)
    }

    /// A target must be origin-form (`/...`), or `*` for OPTIONS; every `%` in the path must start
    /// an escape. The query is left to the application, which decodes it parameter by parameter
    /// and can name the one that is malformed.
    private func checkTarget(_ base: UnsafePointer<UInt8>, head: HTTPRequestHead, sawPercent: Bool) -> HTTPRejection? {
        let target = head.target
        if base[target.lower] != UInt8(ascii: "/") {
            let isAsterisk = target.count == 1 && base[target.lower] == UInt8(ascii: "*")
            let isOptions = HTTPByteClass.equalsExactly(base + head.method.lower, count: head.method.count, "OPTIONS")
            guard isAsterisk && isOptions else {
                return HTTPRejection(status: .badRequest, detail: "request target must be an absolute path (origin-form)")
            }
        }
        guard sawPercent else { return nil }
        let pathEnd = head.queryMark ?? target.upper
        var i = target.lower
        while i < pathEnd {
            if base[i] == UInt8(ascii: "%") {
                guard i + 2 < pathEnd, HTTPByteClass.hexValue(base[i + 1]) != nil, HTTPByteClass.hexValue(base[i + 2]) != nil else {
                    return HTTPRejection(status: .badRequest, detail: "malformed percent-encoding in request target")
                }
                i += 3
            } else {
                i += 1
            }
        }
        return nil
    }
}
