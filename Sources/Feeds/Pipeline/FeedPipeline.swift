import LiveState
import Synchronization

/// The one path every upstream message takes, live or in demo mode: decode, then apply to the
/// store, or keep as a dead letter with its reason and an excerpt.
///
/// Holds no mutable state of its own; the store is the single writer and expects its calls
/// from one thread at a time (one consumer thread per process, or the demo thread).
public final class FeedPipeline: Sendable {
    /// Where decoded messages and dead letters go.
    public let store: any StoreWriting
    /// Decodes every message, with the pipeline's limits.
    public let decoder: FeedDecoder
    /// The tape every message is tokenized into, reused so decoding allocates no tape. Messages
    /// come from one thread at a time, so the lock is never contended; it only makes sharing
    /// the pipeline safe.
    private let scratch = Mutex(JSONTape())

    /// A pipeline into `store`, holding messages to `limits`.
    public init(store: any StoreWriting, limits: FeedLimits = FeedLimits()) {
        self.store = store
        self.decoder = FeedDecoder(limits: limits)
    }

    /// Decodes and applies one message that arrived on `source`.
    @discardableResult
    public func ingest(
        _ bytes: [UInt8], source: FeedSource, subscription: FeedSubscription = .unfiltered, receivedAt: Timestamp
    ) -> IngestResult {
        bytes.withUnsafeBufferPointer { ingest($0, source: source, subscription: subscription, receivedAt: receivedAt) }
    }

    /// Decodes and applies one message held in a caller's buffer (a WebSocket frame in place).
    @discardableResult
    public func ingest(
        _ input: UnsafeBufferPointer<UInt8>, source: FeedSource, subscription: FeedSubscription = .unfiltered,
        receivedAt: Timestamp
    ) -> IngestResult {
        let store = self.store
        let decoded = scratch.withLock { tape in
            decoder.decode(input, source: source, subscription: subscription, resolveISIN: { store.ticker(forISIN: $0) }, scratch: &tape)
        }
        // Consumed, so the message moves out of the result instead of being copied (a rating's
        // twenty-odd strings retained, then released with the result): 5% of a message.
        switch consume decoded {
        case .success(let message):
            return .applied(store.apply(message, receivedAt: receivedAt))
        case .failure(let failure):
            let excerpt = DeadLetterExcerpt.make(input, limit: decoder.limits.deadLetterExcerptBytes)
            store.recordDeadLetter(DeadLetter(source: source, reason: failure.reason, excerpt: excerpt, receivedAt: receivedAt))
            return .deadLettered(failure)
        }
    }
}
