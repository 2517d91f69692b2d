import Feeds
import LiveState
import Logging
import RatingsAPI

/// Live mode: one consumer per enabled feed connection, all writing into the store through the
/// same decode and apply path as demo mode. Ready once every enabled feed has connected at least
/// once and none is stopped for auth (the supervisor's readiness problems are the reasons).
final class LiveSource: DataSource {
    private let supervisor: FeedSupervisor
    private let logger: Logger

    /// Consumers for the enabled `configurations`, feeding `store`; consensus messages waiting
    /// for their ISIN are held to `pendingLimits`.
    init(
        store: Store, configurations: [FeedConfiguration], policy: FeedConnectionPolicy,
        options: FeedConsumerOptions, pendingLimits: PendingISINLimits = PendingISINLimits(), logger: Logger
    ) {
        supervisor = FeedSupervisor(
            configurations: configurations, ingestor: FeedIngestor(pipeline: FeedPipeline(store: store, pendingLimits: pendingLimits)),
            policy: policy, options: options, logger: logger)
        self.logger = logger
    }

    /// Logs the one line saying live mode and which feeds, then starts every consumer.
    func start() {
        // Names and redacted URLs only: the token lives in each connection's query and is never logged.
        logger.notice("live mode: following the upstream feeds", metadata: [
            "feeds": "\(supervisor.consumers.map(\.configuration.name).joined(separator: ","))",
        ])
        supervisor.start()
    }

    /// Stops every consumer (each closes with 1001), waiting up to the consumers' stop timeout.
    func stop() {
        if !supervisor.stop() {
            logger.warning("feeds did not all stop in time; shutting down anyway")
        }
    }

    /// Live mode, the supervisor's readiness problems, and every connection's status.
    func serviceState(startedAt: Timestamp) -> ServiceState {
        ServiceState(
            mode: .live, startedAt: startedAt, readinessReasons: supervisor.readinessProblems,
            feeds: supervisor.statuses.map(FeedReport.init))
    }
}
