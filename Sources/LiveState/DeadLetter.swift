/// An upstream message that could not be applied, kept (in a bounded list) with the reason.
public struct DeadLetter: Sendable, Equatable {
    public var source: FeedSource
    /// Why it was refused, one line, e.g. `data.content.ticker is missing`.
    public var reason: String
    /// The start of the raw message (a few hundred bytes at most, invalid UTF-8 replaced).
    public var excerpt: String
    public var receivedAt: Timestamp

    public init(source: FeedSource, reason: String, excerpt: String, receivedAt: Timestamp) {
        self.source = source
        self.reason = reason
        self.excerpt = excerpt
        self.receivedAt = receivedAt
    }
}
