/// An incremental HTTP/1.1 request-head parser in the manner of picohttpparser.
///
/// Pure: bytes in, "complete, consumed N", "need more" or "invalid" out; no I/O, no allocation.
/// Header spans go to a caller-owned buffer of `limits.maxHeaderCount` entries. Between calls
/// only `HTTPHeadProgress` is kept: a head that trickles in is scanned once for a reason to parse
/// again (a finished request line, the blank line, a stray CR or LF), so a head sent byte by byte
/// costs linear time; the price is that a bad byte inside a complete header line is refused
/// when the head ends (or hits its size limit or deadline) rather than at once. Garbage in the
/// first read, the usual case, is refused at once. Strict where HTTP is ambiguous: bare CR or LF, obs-fold, whitespace before
/// a colon, duplicate Content-Length, and Content-Length with Transfer-Encoding are all 400.
struct HTTPRequestParser {
    /// The bytes the grammar turns on.
    static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    /// Whitespace allowed around field values.
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Sizes and counts the parser enforces.
    let limits: HTTPLimits

    /// Parses the head at the start of `buffer`, which holds every byte received for this
    /// request so far (the same prefix as at the last call, plus more).
    func parse(
        _ buffer: UnsafeRawBufferPointer, progress: inout HTTPHeadProgress,
        head: inout HTTPRequestHead, headers: UnsafeMutableBufferPointer<HTTPHeaderSpan>
    ) -> HTTPParseResult {
        let n = buffer.count
        guard n > 0, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .needMore }
        if progress.examined > 0 {
            guard n > progress.examined else { return .needMore }
            if !Self.hasReasonToParse(base, from: max(progress.examined - 3, progress.lineStart), to: n, requestLineDone: progress.requestLineDone) {
                progress.examined = n
                return incomplete(base, count: n, progress: progress)
            }
        }
        head = HTTPRequestHead()
        let result = parseFully(base, count: n, progress: &progress, head: &head, headers: headers)
        if case .needMore = result {
            progress.examined = n
            return incomplete(base, count: n, progress: progress)
        }
        return result
    }

    /// Whether bytes `from..<to` hold something that can change the verdict: the end of the
    /// request line, the blank line ending the head, or a bare CR or LF (a 400 to report now).
    /// `from` reaches three bytes back so a CRLFCRLF split across reads is seen.
    private static func hasReasonToParse(_ base: UnsafePointer<UInt8>, from: Int, to n: Int, requestLineDone: Bool) -> Bool {
        var i = from
        while i < n {
            let b = base[i]
            if b == lf {
                if i == 0 || base[i - 1] != cr || !requestLineDone { return true }
                if i >= 3 && base[i - 2] == lf && base[i - 3] == cr { return true }
            } else if i > 0 && base[i - 1] == cr {
                return true
            }
            i += 1
        }
        return false
    }

    /// The verdict on a valid but incomplete prefix: still room to finish, or over a size limit.
    private func incomplete(_ base: UnsafePointer<UInt8>, count n: Int, progress: HTTPHeadProgress) -> HTTPParseResult {
        if !progress.requestLineDone {
            // No LF yet: everything after the line start is request line, but a trailing CR
            // may still turn out to be the start of its CRLF.
            let lineBytes = n - progress.lineStart - (base[n - 1] == Self.cr ? 1 : 0)
            if lineBytes > limits.maxRequestLineLength {
                return .invalid(HTTPRejection(status: .uriTooLong, detail: "request line longer than \(limits.maxRequestLineLength) bytes"))
            }
        }
        if n > limits.maxHeadLength { return .invalid(Self.headTooLarge(limits)) }
        return .needMore
    }

    /// The 431 for a head over `maxHeadLength`.
    static func headTooLarge(_ limits: HTTPLimits) -> HTTPRejection {
        HTTPRejection(status: .requestHeaderFieldsTooLarge, detail: "request head larger than \(limits.maxHeadLength) bytes")
    }

    /// A 400 with `detail`.
    static func bad(_ detail: String) -> HTTPParseResult {
        .invalid(HTTPRejection(status: .badRequest, detail: detail))
    }
}
