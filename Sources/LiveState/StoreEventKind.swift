/// What a change did, as the `event:` name of a server-sent event says it.
public enum StoreEventKind: String, Sendable, CaseIterable {
    case rating
    case ratingDeleted = "rating_deleted"
    case consensus
    case insight
    case insightDeleted = "insight_deleted"

    /// The `types` filter word that selects this kind: a delete follows its record's type.
    public var family: StoreEventFamily {
        switch self {
        case .rating, .ratingDeleted: .rating
        case .consensus: .consensus
        case .insight, .insightDeleted: .insight
        }
    }
}

/// The three kinds of data a subscriber can filter events by (`types=rating,consensus,insight`).
public enum StoreEventFamily: String, Sendable, CaseIterable {
    case rating, consensus, insight
}
