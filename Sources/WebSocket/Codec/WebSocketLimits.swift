/// The bounds the codec puts on a peer, each with a default.
///
/// A frame's declared length is checked against these as soon as its header has arrived, so
/// nothing is buffered (or allocated) for a message that could never be accepted.
public struct WebSocketLimits: Sendable, Equatable {
    /// Largest message, summed over its fragments, in payload bytes; more is closed with 1009.
    public var maxMessageSize: Int = 1024 * 1024

    /// The defaults above.
    public init() {}

    /// Limits with the given maximum message size.
    public init(maxMessageSize: Int) {
        self.maxMessageSize = maxMessageSize
    }
}
