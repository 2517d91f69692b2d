/// An incremental decoder of a `Transfer-Encoding: chunked` request body (RFC 9112 7.1).
///
/// Pure and resumable: every call consumes all the bytes it is given unless it finishes or
/// refuses, and keeps its place in a few integers. Chunk extensions and trailer fields are
/// checked and dropped. The decoded size is checked against the body limit before any byte of
/// a chunk is copied, so a peer's chunk size never sizes an allocation.
struct ChunkedBodyDecoder: Equatable {
    private enum State: Equatable {
        case size, extensions, sizeLF, data, dataCR, dataLF, trailerStart, trailerLine, trailerLF, finalLF
    }

    private var state = State.size
    private var chunkRemaining = 0
    private var sizeDigits = 0
    private var lineLength = 0
    private var trailerLength = 0
    /// Decoded body bytes so far.
    private(set) var bodyLength = 0

    /// The body limit (decoded bytes), chunk-line limit and trailer limit come from here.
    let limits: HTTPLimits

    /// A decoder for one body under `limits`.
    init(limits: HTTPLimits) { self.limits = limits }

    /// Feeds `bytes`, appending decoded data to `body`. `.needMore` means every byte was consumed;
    /// `.complete(consumed:)` leaves the bytes after the body (a pipelined request) alone.
    mutating func decode(_ bytes: UnsafeRawBufferPointer, into body: inout [UInt8]) -> HTTPParseResult {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .needMore }
        let cr = HTTPRequestParser.cr, lf = HTTPRequestParser.lf
        var i = 0
        while i < n {
            let b = base[i]
            switch state {
            case .size:
                lineLength += 1
                if let digit = HTTPByteClass.hexValue(b) {
                    sizeDigits += 1
                    chunkRemaining = chunkRemaining &* 16 &+ digit
                    // The size never exceeds the limit, so the arithmetic above cannot overflow.
                    if bodyLength + chunkRemaining > limits.maxBodyLength { return tooLarge() }
                } else if sizeDigits > 0 && (b == UInt8(ascii: ";") || b == HTTPRequestParser.space || b == HTTPRequestParser.tab) {
                    state = .extensions
                } else if sizeDigits > 0 && b == cr {
                    state = .sizeLF
                } else {
                    return Self.bad("malformed chunk size")
                }
            case .extensions:
                lineLength += 1
                if b == cr {
                    state = .sizeLF
                } else if HTTPByteClass.table[Int(b)] & HTTPByteClass.fieldValue == 0 {
                    return Self.bad("invalid character in chunk extension")
                }
            case .sizeLF:
                guard b == lf else { return Self.bad("bare CR after chunk size") }
                state = chunkRemaining == 0 ? .trailerStart : .data
                lineLength = 0
                sizeDigits = 0
            case .data:
                let take = min(chunkRemaining, n - i)
                body.append(contentsOf: UnsafeBufferPointer(start: base + i, count: take))
                chunkRemaining -= take
                bodyLength += take
                i += take
                if chunkRemaining == 0 { state = .dataCR }
                continue
            case .dataCR:
                guard b == cr else { return Self.bad("chunk data longer than its size") }
                state = .dataLF
            case .dataLF:
                guard b == lf else { return Self.bad("bare CR after chunk data") }
                state = .size
            case .trailerStart:
                trailerLength += 1
                state = b == cr ? .finalLF : .trailerLine
                if b == lf { return Self.bad("bare LF in trailer section") }
            case .trailerLine:
                trailerLength += 1
                if b == cr {
                    state = .trailerLF
                } else if b != HTTPRequestParser.tab && (b < 0x20 || b == 0x7F) {
                    return Self.bad("invalid character in trailer field")
                }
            case .trailerLF:
                guard b == lf else { return Self.bad("bare CR in trailer section") }
                trailerLength += 1
                state = .trailerStart
            case .finalLF:
                guard b == lf else { return Self.bad("bare CR ends the chunked body") }
                return .complete(consumed: i + 1)
            }
            if lineLength > limits.maxChunkLineLength { return Self.bad("chunk size line longer than \(limits.maxChunkLineLength) bytes") }
            if trailerLength > limits.maxHeadLength { return .invalid(HTTPRequestParser.headTooLarge(limits)) }
            i += 1
        }
        return .needMore
    }

    private func tooLarge() -> HTTPParseResult {
        .invalid(HTTPRejection(status: .contentTooLarge, detail: "body larger than \(limits.maxBodyLength) bytes"))
    }

    private static func bad(_ detail: String) -> HTTPParseResult {
        .invalid(HTTPRejection(status: .badRequest, detail: detail))
    }
}
