/// A half-open range of byte offsets into the buffer a head was parsed from.
struct ByteRange: Equatable {
    /// First offset in the range.
    var lower: Int
    /// Offset just past the range.
    var upper: Int

    /// The number of bytes in the range.
    var count: Int { upper - lower }

    /// The empty range at offset 0.
    static let empty = ByteRange(lower: 0, upper: 0)
}

/// One header field as offsets: the name, and the value without surrounding whitespace.
struct HTTPHeaderSpan: Equatable {
    /// The field name as sent (case kept).
    var name: ByteRange
    /// The value without leading or trailing spaces and tabs.
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
    /// The method token.
    var method = ByteRange.empty
    /// The request-target, query included.
    var target = ByteRange.empty
    /// Offset of the first `?` in the target, or nil.
    var queryMark: Int?
    /// HTTP/1.0 or HTTP/1.1 (others are refused with 505).
    var version = HTTPVersion.http1_1
    /// How many spans were written to the caller's header buffer.
    var headerCount = 0
    /// How the body is delimited.
    var framing = HTTPBodyFraming.none
    /// Whether the connection stays open after the response (version default and `Connection`).
    var keepAlive = true
    /// `Expect: 100-continue`: the client waits for a 100 response before sending its body.
    var expectsContinue = false
    /// Bytes of the head including its blank line (and any empty lines before the request line).
    var length = 0
}
