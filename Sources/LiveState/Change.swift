/// A typed change decoded from one upstream message, ready for `Store.apply`.
public enum Change: Sendable, Equatable {
    /// A rating created or updated (an update of an unknown id is an upsert).
    case rating(ChangeAction, Rating)
    /// A rating removed; upstream deletes may carry no more than the id.
    case ratingDeleted(id: String, updated: Timestamp?, timestamp: Timestamp?)
    /// The latest consensus of one ticker; it replaces the one held.
    case consensus(Consensus)
    /// An insight created or updated.
    case insight(ChangeAction, Insight)
    /// An insight removed.
    case insightDeleted(id: String, updated: Timestamp?, timestamp: Timestamp?)
}
