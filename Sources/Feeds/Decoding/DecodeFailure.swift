/// Why one upstream message cannot be applied: a category for counting and tests, and a
/// one-line reason for people (`data.content.importance: expected an integer 0-5, got "high"`).
public struct DecodeFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is; the raw values appear in `Fixtures/bad/manifest.json`.
    public enum Category: String, Sendable, CaseIterable {
        /// Nothing but whitespace.
        case empty
        /// Over `FeedLimits.maxMessageBytes`, or a field over its length limit.
        case tooLarge = "too-large"
        /// Not JSON: syntax, truncation, invalid UTF-8, trailing bytes.
        case invalidJSON = "invalid-json"
        /// Nested deeper than `FeedLimits.maxDepth`.
        case tooDeep = "too-deep"
        /// Valid JSON whose top level is not an object.
        case notAnObject = "not-an-object"
        /// A field the message cannot do without (`data`, `data.id`, a ticker, ...).
        case missingField = "missing-field"
        /// A field of a type no lenient reading accepts (`pt_current: {}`).
        case wrongType = "wrong-type"
        /// A number outside what the field allows (importance 9, a negative count, 1e999).
        case outOfRange = "out-of-range"
        /// A text that does not parse as what the field holds (a date, a timestamp, an id).
        case invalidValue = "invalid-value"
        /// A ticker outside `A-Z 0-9 . - /` or longer than 16.
        case invalidTicker = "invalid-ticker"
        /// `data.action` other than created/updated/deleted in any case.
        case unknownAction = "unknown-action"
        /// A key given twice, or two fields naming different securities.
        case ambiguous
        /// A consensus message that names no security and arrived on no one-ticker subscription.
        case noSecurity = "no-security"
    }

    /// What kind of problem it is.
    public let category: Category
    /// One line, naming the field by its path from the envelope.
    public let reason: String

    /// A failure of `category` explained by the one-line `reason`.
    public init(_ category: Category, _ reason: String) {
        self.category = category
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
