import LiveState

/// One of the three Benzinga streams the simulator serves, by its documented path.
enum SimFeed: String, Sendable, CaseIterable {
    case ratings, consensus, insights

    /// The feed served at `path`, or nil for any other path.
    init?(path: String) {
        guard let feed = Self.allCases.first(where: { $0.path == path }) else { return nil }
        self = feed
    }

    /// The URL path Benzinga serves this stream on.
    var path: String {
        switch self {
        case .ratings: "/api/v2.1/calendar/ratings/stream"
        case .consensus: "/api/v1/consensus-ratings/stream"
        case .insights: "/api/v1/analyst/insights/stream"
        }
    }

    /// The store's name for the same stream.
    var source: FeedSource {
        switch self {
        case .ratings: .ratings
        case .consensus: .consensus
        case .insights: .insights
        }
    }
}
