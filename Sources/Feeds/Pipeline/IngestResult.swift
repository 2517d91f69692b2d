import LiveState

/// What `FeedPipeline.ingest` did with one message.
public enum IngestResult: Sendable, Equatable {
    /// Decoded and handed to the store, which answered with this outcome.
    case applied(ApplyOutcome)
    /// Refused and kept by the store as a dead letter.
    case deadLettered(DecodeFailure)
    /// A consensus message naming only an ISIN the store does not know yet: held until a
    /// rating or insight names it (or a dead letter once too old or evicted).
    case held(isin: String)
}
