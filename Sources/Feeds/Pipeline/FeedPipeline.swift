import LiveState
import Synchronization

/// The one path every upstream message takes, live or in demo mode: decode, then apply to the
/// store, or keep as a dead letter with its reason and an excerpt.
///
/// A consensus message tied only by an ISIN the store does not know yet is held (bounded by
/// `PendingISINLimits`) rather than refused: it is applied, in arrival order, as soon as a
/// rating or insight naming that ISIN has been applied. The store is the single writer and
/// expects its calls from one thread at a time (one `FeedIngestor` per process, or the demo
/// thread); the held list has its own lock only so `/status` can count it from elsewhere.
public final class FeedPipeline: Sendable {
    /// Where decoded messages and dead letters go.
    public let store: any StoreWriting
    /// Decodes every message, with the pipeline's limits.
    public let decoder: FeedDecoder
    /// Consensus messages waiting for their ISIN.
    let pending: Mutex<PendingConsensus>
    /// `pending`'s count, read without the lock: the hot path skips all pending work at 0.
    let pendingCount = Atomic<Int>(0)
    /// The tape every message is tokenized into, reused so decoding allocates no tape, and the
    /// strings repeating values are shared from. Messages come from one thread at a time, so
    /// the lock is never contended; it only makes sharing the pipeline safe.
    private let scratch = Mutex(DecodeScratch())

    /// A pipeline into `store`, holding messages to `limits` and early ISIN-only consensus
    /// messages to `pendingLimits`.
    public init(store: any StoreWriting, limits: FeedLimits = FeedLimits(), pendingLimits: PendingISINLimits = PendingISINLimits()) {
        self.store = store
        self.decoder = FeedDecoder(limits: limits)
        pending = Mutex(PendingConsensus(limits: pendingLimits))
    }

    /// Consensus messages held until the store learns their ISIN.
    public var pendingMessages: Int { pendingCount.load(ordering: .relaxed) }

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
        if pendingMessages > 0 { expirePending(now: receivedAt) }
        let store = self.store
        // The ISIN the decoder asked the store about in vain: what an early message waits for.
        var unknownISIN: String?
        let message: FeedMessage
        do throws(DecodeFailure) {
            message = try scratch.withLock { scratch throws(DecodeFailure) in
                try decoder.decodeMessage(input, source: source, subscription: subscription, resolveISIN: { isin in
                    let ticker = store.ticker(forISIN: isin)
                    if ticker == nil { unknownISIN = isin }
                    return ticker
                }, scratch: &scratch.tape, strings: scratch.strings)
            }
        } catch {
            return refuse(input, failure: error, unknownISIN: unknownISIN, source: source, subscription: subscription, receivedAt: receivedAt)
        }
        // Taken first, whatever the pending count: the store consumes the message. (An ISIN is
        // 12 bytes, an inline string: taking it costs nothing.)
        let namedISIN = message.change.namedISIN
        let outcome = store.apply(consume message, receivedAt: receivedAt)
        if pendingMessages > 0, let isin = namedISIN { releasePending(isin) }
        return .applied(outcome)
    }

    /// Holds a consensus message that failed only for want of its ISIN's ticker, or keeps the
    /// message as a dead letter.
    private func refuse(
        _ input: UnsafeBufferPointer<UInt8>, failure: DecodeFailure, unknownISIN: String?, source: FeedSource,
        subscription: FeedSubscription, receivedAt: Timestamp
    ) -> IngestResult {
        if failure.category == .noSecurity, let isin = unknownISIN {
            let entry = PendingConsensus.Entry(isin: isin, bytes: Array(input), subscription: subscription, receivedAt: receivedAt)
            if hold(entry, failure: failure) { return .held(isin: isin) }
            return .deadLettered(failure)
        }
        deadLetter(input, source: source, reason: failure.reason, receivedAt: receivedAt)
        return .deadLettered(failure)
    }

    /// Keeps the refused `input` as a dead letter with an excerpt.
    func deadLetter(_ input: UnsafeBufferPointer<UInt8>, source: FeedSource, reason: String, receivedAt: Timestamp) {
        let excerpt = DeadLetterExcerpt.make(input, limit: decoder.limits.deadLetterExcerptBytes)
        store.recordDeadLetter(DeadLetter(source: source, reason: reason, excerpt: excerpt, receivedAt: receivedAt))
    }
}

extension Change {
    /// The ISIN a rating or insight names, which the store learns from applying it.
    var namedISIN: String? {
        switch self {
        case .rating(_, let rating): rating.isin
        case .insight(_, let insight): insight.isin
        case .consensus, .ratingDeleted, .insightDeleted: nil
        }
    }
}
