/// Bounds on what one upstream message may hold. Anything beyond them is a dead letter, never
/// a crash or an unbounded allocation.
public struct FeedLimits: Sendable, Equatable {
    /// A message (one WebSocket text frame) longer than this is refused before parsing.
    public var maxMessageBytes: Int
    /// Arrays and objects nested deeper than this are refused (upstream nests four levels).
    public var maxDepth: Int
    /// Longest `data.id`, envelope `id`, `firm_id` and other identifiers.
    public var maxIdentifierBytes: Int
    /// Longest short text field (names, words, URLs).
    public var maxFieldBytes: Int
    /// Longest free text (`notes`, `analyst_insights`): the store holds tens of thousands of
    /// records, so this bounds its memory as much as the message size does.
    public var maxTextBytes: Int
    /// How much of a refused message the dead letter keeps.
    public var deadLetterExcerptBytes: Int

    /// One mebibyte per message, 32 levels, 128-byte ids, 2 KiB fields, 64 KiB texts, a
    /// 200-byte excerpt.
    public init(
        maxMessageBytes: Int = 1 << 20, maxDepth: Int = 32, maxIdentifierBytes: Int = 128,
        maxFieldBytes: Int = 2048, maxTextBytes: Int = 64 * 1024, deadLetterExcerptBytes: Int = 200
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxDepth = maxDepth
        self.maxIdentifierBytes = maxIdentifierBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxTextBytes = maxTextBytes
        self.deadLetterExcerptBytes = deadLetterExcerptBytes
    }
}
