import Feeds
import RatingsAPI

/// RatingsAPI knows nothing of the Feeds module; the executable copies each status across.
extension FeedReport {
    /// The report of a consumer's status snapshot.
    init(_ status: FeedStatus) {
        self.init(
            name: status.name, source: status.source, state: status.phase.rawValue, url: status.url,
            connectedSince: status.connectedSince, lastMessageAt: status.lastMessageAt, retryAt: status.retryAt,
            messages: status.messages, reconnects: status.reconnects, lastError: status.lastError,
            authFailed: status.authFailure, pending: status.pending)
    }
}
