/// A consistent snapshot of the store's counters and sizes.
public struct StoreStatistics: Sendable, Equatable {
    public var sources: [FeedSource: SourceCounters]
    public var tickerCount: Int
    public var ratingCount: Int
    public var insightCount: Int
    public var consensusCount: Int
    /// The most recent dead letters, newest first (bounded by the store's limits).
    public var recentDeadLetters: [DeadLetter]

    public init(
        sources: [FeedSource: SourceCounters] = [:], tickerCount: Int = 0, ratingCount: Int = 0,
        insightCount: Int = 0, consensusCount: Int = 0, recentDeadLetters: [DeadLetter] = []
    ) {
        self.sources = sources
        self.tickerCount = tickerCount
        self.ratingCount = ratingCount
        self.insightCount = insightCount
        self.consensusCount = consensusCount
        self.recentDeadLetters = recentDeadLetters
    }
}
