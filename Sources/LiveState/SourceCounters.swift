/// What the store did with the messages of one source.
public struct SourceCounters: Sendable, Equatable {
    /// Changes that altered the state.
    public var applied: Int = 0
    /// Messages already seen (same envelope id, or same record and version).
    public var duplicates: Int = 0
    /// Updates older than what is held (by `updated`, then `timestamp`), ignored.
    public var stale: Int = 0
    /// Deletes of ids the store does not hold: no-ops, counted.
    public var unknownDeletes: Int = 0
    /// Messages that could not be decoded or applied.
    public var deadLetters: Int = 0
    /// When the last message of this source arrived, whatever became of it.
    public var lastMessageAt: Timestamp?

    public init() {}
}
