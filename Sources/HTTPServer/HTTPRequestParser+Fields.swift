extension HTTPRequestParser {
    /// What the framing- and connection-relevant fields said, gathered while the fields are parsed.
    struct FieldFacts {
        var hostCount = 0
        var contentLength: Int?
        var contentLengthTooLarge = false
        var transferEncodingSeen = false
        var chunkedCount = 0
        var chunkedIsLast = false
        var unknownCoding = false
        var connectionClose = false
        var connectionKeepAlive = false
        var expectsContinue = false
    }

    /// Parses header lines from `i` up to and including the blank line, then settles framing and
    /// persistence from what the fields said.
    func parseFields(
        _ base: UnsafePointer<UInt8>, from start: Int, count n: Int,
        head: inout HTTPRequestHead, headers: UnsafeMutableBufferPointer<HTTPHeaderSpan>
    ) -> HTTPParseResult {
        let classes = HTTPByteClass.table
        var facts = FieldFacts()
        var i = start
        var count = 0
        while true {
            guard i < n else { return .needMore }
            let first = base[i]
            if first == Self.cr {
                guard i + 1 < n else { return .needMore }
                guard base[i + 1] == Self.lf else { return Self.bad("bare CR in header section") }
                i += 2
                break
            }
            if first == Self.space || first == Self.tab { return Self.bad("obs-fold or whitespace before a header name") }
            let nameStart = i
            while i < n && classes[Int(base[i])] & HTTPByteClass.token != 0 { i += 1 }
            guard i < n else { return .needMore }
            guard i > nameStart, base[i] == UInt8(ascii: ":") else {
                if base[i] == Self.lf { return Self.bad("bare LF in header section") }
                return Self.bad("invalid character in header name")
            }
            let name = ByteRange(lower: nameStart, upper: i)
            i += 1
            while i < n && (base[i] == Self.space || base[i] == Self.tab) { i += 1 }
            let valueStart = i
            while i < n && classes[Int(base[i])] & HTTPByteClass.fieldValue != 0 { i += 1 }
            guard i < n else { return .needMore }
            guard base[i] == Self.cr else {
                return Self.bad(base[i] == Self.lf ? "bare LF in header section" : "invalid character in header value")
            }
            guard i + 1 < n else { return .needMore }
            guard base[i + 1] == Self.lf else { return Self.bad("bare CR in header value") }
            var valueEnd = i
            while valueEnd > valueStart && (base[valueEnd - 1] == Self.space || base[valueEnd - 1] == Self.tab) { valueEnd -= 1 }
            i += 2
            if i > limits.maxHeadLength { return .invalid(Self.headTooLarge(limits)) }
            guard count < limits.maxHeaderCount, count < headers.count else {
                return .invalid(HTTPRejection(status: .requestHeaderFieldsTooLarge, detail: "more than \(limits.maxHeaderCount) header fields"))
            }
            let value = ByteRange(lower: valueStart, upper: valueEnd)
            headers[count] = HTTPHeaderSpan(name: name, value: value)
            count += 1
            if let rejection = note(base, name: name, value: value, facts: &facts) { return .invalid(rejection) }
        }
        if i > limits.maxHeadLength { return .invalid(Self.headTooLarge(limits)) }
        head.headerCount = count
        head.length = i
        if let rejection = settle(facts, head: &head) { return .invalid(rejection) }
        return .complete(consumed: i)
    }

    /// Records what one field means for framing and persistence; rejects what is ambiguous at once.
    private func note(_ base: UnsafePointer<UInt8>, name: ByteRange, value: ByteRange, facts: inout FieldFacts) -> HTTPRejection? {
        let namePointer = base + name.lower
        switch name.count {
        case 4 where HTTPByteClass.equalsLowercased(namePointer, count: 4, "host"):
            facts.hostCount += 1
            if facts.hostCount > 1 { return HTTPRejection(status: .badRequest, detail: "more than one Host header") }
        case 10 where HTTPByteClass.equalsLowercased(namePointer, count: 10, "connection"):
            Self.forEachToken(base, in: value) { token, _ in
                if HTTPByteClass.equalsLowercased(base + token.lower, count: token.count, "close") { facts.connectionClose = true }
                if HTTPByteClass.equalsLowercased(base + token.lower, count: token.count, "keep-alive") { facts.connectionKeepAlive = true }
            }
        case 14 where HTTPByteClass.equalsLowercased(namePointer, count: 14, "content-length"):
            guard facts.contentLength == nil else { return HTTPRejection(status: .badRequest, detail: "duplicate Content-Length") }
            guard value.count > 0 else { return HTTPRejection(status: .badRequest, detail: "empty Content-Length") }
            var length = 0
            for k in value.lower..<value.upper {
                let digit = base[k] &- 0x30
                guard digit <= 9 else { return HTTPRejection(status: .badRequest, detail: "Content-Length is not a single decimal number") }
                if length <= limits.maxBodyLength { length = length * 10 + Int(digit) }
            }
            facts.contentLength = length
            facts.contentLengthTooLarge = length > limits.maxBodyLength
        case 17 where HTTPByteClass.equalsLowercased(namePointer, count: 17, "transfer-encoding"):
            facts.transferEncodingSeen = true
            var sawAny = false
            let wellFormed = Self.forEachToken(base, in: value) { token, hasParameters in
                sawAny = true
                let isChunked = !hasParameters && HTTPByteClass.equalsLowercased(base + token.lower, count: token.count, "chunked")
                if !isChunked { facts.unknownCoding = true }
                if isChunked { facts.chunkedCount += 1 }
                facts.chunkedIsLast = isChunked
            }
            guard wellFormed, sawAny else { return HTTPRejection(status: .badRequest, detail: "malformed Transfer-Encoding") }
        case 6 where HTTPByteClass.equalsLowercased(namePointer, count: 6, "expect"):
            // 100-continue is the only expectation HTTP defines (RFC 9110 10.1.1).
            guard HTTPByteClass.equalsLowercased(base + value.lower, count: value.count, "100-continue") else {
                return HTTPRejection(status: .expectationFailed, detail: "unsupported expectation")
            }
            facts.expectsContinue = true
        default:
            break
        }
        return nil
    }

    /// Decides framing and keep-alive once every field is known.
    private func settle(_ facts: FieldFacts, head: inout HTTPRequestHead) -> HTTPRejection? {
        let isHTTP11 = head.version.minor == 1
        if isHTTP11 && facts.hostCount == 0 { return HTTPRejection(status: .badRequest, detail: "missing Host header") }
        if facts.transferEncodingSeen {
            if facts.contentLength != nil { return HTTPRejection(status: .badRequest, detail: "Content-Length with Transfer-Encoding") }
            if !isHTTP11 { return HTTPRejection(status: .badRequest, detail: "Transfer-Encoding in an HTTP/1.0 request") }
            if facts.unknownCoding { return HTTPRejection(status: .notImplemented, detail: "unsupported transfer coding") }
            // "chunked" must appear exactly once, as the final coding (RFC 9112 6.3).
            if facts.chunkedCount != 1 || !facts.chunkedIsLast {
                return HTTPRejection(status: .badRequest, detail: "chunked must be the final transfer coding, once")
            }
            head.framing = .chunked
        } else if let length = facts.contentLength {
            if facts.contentLengthTooLarge {
                return HTTPRejection(status: .contentTooLarge, detail: "body larger than \(limits.maxBodyLength) bytes")
            }
            head.framing = length > 0 ? .length(length) : .none
        }
        head.keepAlive = !facts.connectionClose && (isHTTP11 || facts.connectionKeepAlive)
        // An HTTP/1.0 client cannot understand a 100 response (RFC 9110 10.1.1).
        head.expectsContinue = facts.expectsContinue && isHTTP11 && head.framing != .none
        return nil
    }

    /// Calls `body` with each comma-separated token of a field value (empty elements skipped) and
    /// whether parameters (`;...`) follow it; returns false if an element does not start with a token.
    @discardableResult
    static func forEachToken(_ base: UnsafePointer<UInt8>, in value: ByteRange, _ body: (ByteRange, Bool) -> Void) -> Bool {
        let classes = HTTPByteClass.table
        var i = value.lower
        var wellFormed = true
        while i < value.upper {
            let b = base[i]
            if b == UInt8(ascii: ",") || b == space || b == tab { i += 1; continue }
            let start = i
            while i < value.upper && classes[Int(base[i])] & HTTPByteClass.token != 0 { i += 1 }
            let token = ByteRange(lower: start, upper: i)
            while i < value.upper && (base[i] == space || base[i] == tab) { i += 1 }
            let hasParameters = i < value.upper && base[i] == UInt8(ascii: ";")
            if token.count == 0 || (i < value.upper && base[i] != UInt8(ascii: ",") && !hasParameters) { wellFormed = false }
            if token.count > 0 { body(token, hasParameters) }
            while i < value.upper && base[i] != UInt8(ascii: ",") { i += 1 }
        }
        return wellFormed
    }
}
