/// How many consensus messages tied only by an ISIN the store does not know yet are held, and
/// for how long, before they become dead letters.
///
/// Such a message is not wrong, only early: the rating or insight that names its ISIN may come
/// a moment later on another connection. `maxMessages` 0 holds nothing (every such message is
/// a dead letter at once, as before the list existed).
public struct PendingISINLimits: Sendable, Equatable {
    /// Messages held at most, over all ISINs; the oldest is evicted (as a dead letter) first.
    public var maxMessages: Int
    /// How long a message is held at most, by its receive time.
    public var maxAge: Duration

    /// Limits; the defaults hold a burst of a full replay window's worth many times over.
    public init(maxMessages: Int = 1_000, maxAge: Duration = .seconds(300)) {
        self.maxMessages = max(0, maxMessages)
        self.maxAge = maxAge
    }
}
