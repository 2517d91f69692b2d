/// Moving the change out of a message the store has taken.
extension FeedMessage {
    /// Moves the change out, leaving an empty delete in its place.
    ///
    /// Why: reading `change` off a consumed message copied it (a rating's strings retained) and
    /// then destroyed the message with its copy (released again); a swap moves it instead. The
    /// placeholder allocates nothing and is dropped with the message.
    mutating func takeChange() -> Change {
        var taken = Change.ratingDeleted(id: "", updated: nil, timestamp: nil)
        swap(&taken, &change)
        return taken
    }
}
