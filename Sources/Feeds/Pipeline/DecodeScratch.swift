/// What a `FeedPipeline` reuses from message to message while decoding: the tape messages are
/// tokenized into and the cache of repeating strings.
struct DecodeScratch {
    /// The tape, emptied and refilled by every message.
    var tape = JSONTape()
    /// Repeating values shared between messages' records.
    let strings = StringInterner()
}
