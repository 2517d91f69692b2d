import Feeds
import LiveState
import Logging
import RatingsAPI

/// Demo mode: the recorded streams embedded from Fixtures/, replayed into the store with fresh
/// ids and current timestamps. Not ready until the initial load is complete.
final class DemoSource: DataSource {
    /// The readiness reason that stands until the embedded Fixtures are loaded.
    static let loadingReason = "demo data is loading"

    private let demo: DemoFeed
    private let readiness: Readiness
    private let logger: Logger

    /// A demo replay into `store` at `rate` messages per second after the initial load.
    init(store: Store, rate: Double, logger: Logger) {
        let readiness = Readiness(initialReasons: [Self.loadingReason])
        let fixtures = DemoFixtures(
            ratings: Array(EmbeddedResources.ratingsFixture.utf8),
            consensus: Array(EmbeddedResources.consensusFixture.utf8),
            insights: Array(EmbeddedResources.insightsFixture.utf8))
        demo = DemoFeed(pipeline: FeedPipeline(store: store), fixtures: fixtures, rate: rate) { summary in
            readiness.resolve(Self.loadingReason)
            logger.notice("demo: initial load complete", metadata: [
                "messages": "\(summary.messages)", "applied": "\(summary.applied)",
                "dead_letters": "\(summary.deadLetters)", "milliseconds": "\(summary.milliseconds)",
            ])
        }
        self.readiness = readiness
        self.logger = logger
    }

    /// Logs the one line saying demo mode and why, then starts the replay thread.
    func start() {
        logger.notice(
            "demo mode: no enabled feed has a token (BENZINGA_TOKEN, or BENZINGA_RATINGS_TOKEN, BENZINGA_CONSENSUS_TOKEN, BENZINGA_INSIGHTS_TOKEN), so serving the recorded streams embedded from Fixtures/, replayed with fresh ids and current timestamps")
        demo.start()
    }

    /// Stops the replay and waits for its thread.
    func stop() {
        demo.stop()
    }

    /// Demo mode, not ready while loading, no feeds.
    func serviceState(startedAt: Timestamp) -> ServiceState {
        ServiceState(mode: .demo, startedAt: startedAt, readinessReasons: readiness.current)
    }
}
