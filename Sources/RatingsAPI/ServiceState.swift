import LiveState

/// What the process says about itself on `/status` and `/readyz`: how it runs, since when, and
/// what (if anything) keeps it from being ready. The executable provides a fresh one per request.
public struct ServiceState: Sendable, Equatable {
    /// Where the data comes from.
    public var mode: ServiceMode
    /// When the process started, for `started_at` and `uptime_seconds`.
    public var startedAt: Timestamp
    /// Why the service is not ready, one short sentence each (e.g. `ratings feed not
    /// connected`); empty when ready.
    public var readinessReasons: [String]
    /// Every upstream feed connection, disabled ones included; empty in demo mode.
    public var feeds: [FeedReport]

    /// Ready exactly when nothing is in the way, so the flag and the reasons cannot disagree.
    public var ready: Bool { readinessReasons.isEmpty }

    /// A state; pass no reasons for a ready service and no feeds in demo mode.
    public init(mode: ServiceMode, startedAt: Timestamp, readinessReasons: [String] = [], feeds: [FeedReport] = []) {
        self.mode = mode
        self.startedAt = startedAt
        self.readinessReasons = readinessReasons
        self.feeds = feeds
    }
}
