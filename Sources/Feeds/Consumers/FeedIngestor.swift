import LiveState
import Synchronization

/// The pipeline shared by every consumer thread, entered by one thread at a time.
///
/// The store is a single writer that expects one caller at a time; three (or, per ticker,
/// more) consumer threads take turns here. The lock is held for one decode and apply, a few
/// microseconds, so turns never hold a feed back.
public final class FeedIngestor: Sendable {
    /// The decode and apply path, the same as demo mode's.
    public let pipeline: FeedPipeline
    private let turn = Mutex<Void>(())

    /// An ingestor in front of `pipeline`.
    public init(pipeline: FeedPipeline) {
        self.pipeline = pipeline
    }

    /// Decodes and applies one message that arrived on a connection of `source` subscribed to
    /// `subscription`.
    @discardableResult
    public func ingest(_ bytes: [UInt8], source: FeedSource, subscription: FeedSubscription, receivedAt: Timestamp) -> IngestResult {
        turn.withLock { _ in pipeline.ingest(bytes, source: source, subscription: subscription, receivedAt: receivedAt) }
    }

    /// Expires held consensus messages that waited too long; called by consumer threads while
    /// their connection is quiet, so expiry does not wait for the next message.
    public func expirePending(now: Timestamp) {
        guard pipeline.pendingMessages > 0 else { return }
        turn.withLock { _ in pipeline.expirePending(now: now) }
    }
}
