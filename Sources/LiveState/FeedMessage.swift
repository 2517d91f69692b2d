/// A decoded upstream message: the change it carries, where it came from and its envelope id
/// (used for duplicate detection; replays may re-send a message under a new envelope id, so
/// the store also compares `data.id` with `updated`/`timestamp`).
public struct FeedMessage: Sendable, Equatable {
    public var source: FeedSource
    public var envelopeID: String?
    public var change: Change

    public init(source: FeedSource, envelopeID: String?, change: Change) {
        self.source = source
        self.envelopeID = envelopeID
        self.change = change
    }
}
