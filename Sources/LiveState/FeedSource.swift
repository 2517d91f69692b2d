/// One of the three upstream streams; a message's source is the connection it arrived on,
/// never its `kind` field (which upstream fills inconsistently).
public enum FeedSource: String, Sendable, CaseIterable, Hashable, Codable {
    case ratings
    case consensus
    case insights
}
