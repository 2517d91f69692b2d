/// What the initial load of demo mode did, handed to `DemoFeed`'s completion callback.
public struct DemoLoadSummary: Sendable, Equatable {
    /// Fixture messages fed through the pipeline.
    public var messages: Int
    /// How many of them the store applied (the rest were duplicates, stale, unknown deletes or
    /// dead letters).
    public var applied: Int
    /// How many became dead letters (zero with the shipped fixtures).
    public var deadLetters: Int
    /// Wall time the load took, in milliseconds.
    public var milliseconds: Int64

    /// A summary of a finished load.
    public init(messages: Int, applied: Int, deadLetters: Int, milliseconds: Int64) {
        self.messages = messages
        self.applied = applied
        self.deadLetters = deadLetters
        self.milliseconds = milliseconds
    }
}
