import LiveState

/// The part ratings and insights share under `data`: what to do (`action`), to which record
/// (`id`), when (`timestamp`), and the record itself (`content`).
struct RecordEnvelope {
    /// `data.action`, any letter case.
    let action: ChangeAction
    /// `data.id`.
    let id: String
    /// `data.timestamp`.
    let timestamp: Timestamp?
    /// `data.content`, when present.
    let content: FieldReader?

    /// Reads `data.action`, `data.id`, `data.timestamp` and `data.content`. The action is
    /// required: a message without one could be a delete, and applying it as anything else
    /// would be a guess.
    init(_ data: FieldReader) throws(DecodeFailure) {
        guard let actionText = try data.string(FeedKeys.action) else { throw data.missing(FeedKeys.action) }
        guard let action = ChangeAction(lenient: actionText) else {
            throw DecodeFailure(.unknownAction, "data.action: unknown action \(TextRules.quoted(actionText)) (expected created, updated or deleted)")
        }
        guard let id = try data.identifier(FeedKeys.id) else { throw data.missing(FeedKeys.id) }
        self.action = action
        self.id = id
        self.timestamp = try data.instant(FeedKeys.timestamp)
        self.content = try data.object(FeedKeys.content, path: FeedKeys.contentPath)
    }

    /// The content of a create or update, which cannot do without one.
    func requiredContent(_ data: FieldReader) throws(DecodeFailure) -> FieldReader {
        guard let content else { throw data.missing(FeedKeys.content) }
        return content
    }

    /// `content.updated` of a delete: deletes may carry no more than the id, so every other
    /// content field is ignored (and cannot refuse the delete).
    var deletedUpdated: Timestamp? {
        get throws(DecodeFailure) { try content?.epoch(FeedKeys.updated) }
    }
}
