/// What a connection remembers between reads of an incomplete head, so that bytes arriving one
/// at a time cost time proportional to their number rather than re-parsing the head each time.
struct HTTPHeadProgress: Equatable {
    /// Bytes already looked at; only later bytes are scanned for a reason to parse again.
    var examined = 0
    /// Where the request line starts (after any ignored empty lines).
    var lineStart = 0
    /// Whether the request line was complete and valid at the last full parse.
    var requestLineDone = false

    /// Forgets everything, for the next request on the connection.
    mutating func reset() { self = HTTPHeadProgress() }
}

/// The outcome of feeding bytes to the request parser.
enum HTTPParseResult: Equatable {
    /// A head (or chunked body) is complete after this many bytes.
    case complete(consumed: Int)
    /// The bytes so far are a valid prefix; call again with more.
    case needMore
    /// The request is refused; answer with the rejection's status and close.
    case invalid(HTTPRejection)
}
