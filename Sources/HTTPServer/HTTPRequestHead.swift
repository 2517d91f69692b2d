/// A half-open range of byte offsets into the buffer a head was parsed from.
struct ByteRange: Equatable {
    var lower: Int
    var upper: Int

    /// The number of bytes in the range.
    var count: Int { upper - lower }

    static let empty = ByteRange(lower: 0, upper: 0)
}

/// One header field as offsets: the name, and the value without surrounding whitespace.
struct HTTPHeaderSpan: Equatable {
    var name: ByteRange
    var value: ByteRange
}

/// How a request's body is delimited.
enum HTTPBodyFraming: Equatable {
    /// No body.
    case none
    /// Exactly this many bytes (never more than the body limit).
    case length(Int)
    /// `Transfer-Encoding: chunked`.
    case chunked
}

/// What the parser learned from a complete head, as offsets into the parsed buffer.
///
/// Header spans are written to a buffer the caller owns; the head only counts them. Nothing
/// here owns memory, so parsing a head allocates nothing.
struct HTTPRequestHead: Equatable {
    var method = ByteRange.empty
    var target = ByteRange.empty
    /// Offset of the first `?` in the target, or nil.
    var queryMark: Int?
    var version = HTTPVersion.http1_1
    /// How many spans were written to the caller's header buffer.
    var headerCount = 0
    var framing = HTTPBodyFraming.none
    /// Whether the connection stays open after the response (version default and `Connection`).
    var keepAlive = true
    /// `Expect: 100-continue`: the client waits for a 100 response before sending its body.
    var expectsContinue = false
    /// Bytes of the head including its blank line (and any empty lines before the request line).
    var length = 0
}
