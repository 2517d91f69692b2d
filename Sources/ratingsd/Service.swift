import Feeds
#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
import LiveState
import Logging
import RatingsAPI

/// The running service: one store, the HTTP server in front of it, and the source that feeds
/// it (demo mode on the embedded Fixtures when no token is set). `run()` returns after a
/// graceful shutdown on SIGINT or SIGTERM.
final class Service {
    static let loadingReason = "demo data is loading"

    private let options: Ratingsd
    private let environment: [String: String]
    private let logger = Logger(label: "ratingsd")

    init(options: Ratingsd, environment: [String: String]) {
        self.options = options
        self.environment = environment
    }

    func run() throws {
        guard environment["BENZINGA_TOKEN"].map({ $0.isEmpty }) ?? true else {
            // The token's value never reaches a log line or an error message.
            throw ServiceError.liveModeUnavailable
        }
        let startedAt = Timestamp.now()
        let readiness = Readiness(initialReasons: [Self.loadingReason])
        let store = Store(limits: storeLimits)
        let api = RatingsAPI(
            store: store,
            configuration: APIConfiguration(
                corsOrigin: options.corsOrigin, openAPIDocument: Array(EmbeddedResources.openAPIDocument.utf8)),
            service: { ServiceState(mode: .demo, startedAt: startedAt, readinessReasons: readiness.current) }
        )
        let server = HTTPServer(configuration: serverConfiguration, responder: api, logger: logger)
        let port = try server.start()
        logger.notice("listening", metadata: [
            "address": "\(options.host):\(port)", "threads": "\(serverConfiguration.threads)",
        ])

        let fixtures = DemoFixtures(
            ratings: Array(EmbeddedResources.ratingsFixture.utf8),
            consensus: Array(EmbeddedResources.consensusFixture.utf8),
            insights: Array(EmbeddedResources.insightsFixture.utf8))
        logger.notice(
            "demo mode: BENZINGA_TOKEN is not set, so serving the recorded streams embedded from Fixtures/, replayed with fresh ids and current timestamps",
            metadata: ["rate": "\(options.demoRate)/s"])
        let logger = self.logger
        let demo = DemoFeed(pipeline: FeedPipeline(store: store), fixtures: fixtures, rate: options.demoRate) { summary in
            readiness.resolve(Self.loadingReason)
            logger.notice("demo: initial load complete", metadata: [
                "messages": "\(summary.messages)", "applied": "\(summary.applied)",
                "dead_letters": "\(summary.deadLetters)", "milliseconds": "\(summary.milliseconds)",
            ])
        }
        demo.start()

        let signals = ShutdownSignals { number in
            logger.notice("shutting down", metadata: ["signal": number == SIGTERM ? "SIGTERM" : "SIGINT"])
            demo.stop()
            server.shutdown()
        }
        server.waitUntilStopped()
        withExtendedLifetime(signals) {}
        demo.stop()
        logger.notice("stopped")
    }

    private var storeLimits: StoreLimits {
        StoreLimits(
            ratingsPerTicker: options.ratingsPerTicker, ratingsOverall: options.maxRatings,
            insightsPerTicker: options.insightsPerTicker, insightsOverall: options.maxInsights)
    }

    private var serverConfiguration: HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration(host: options.host, port: options.port)
        if let threads = options.threads { configuration.threads = threads }
        configuration.maxConnections = options.maxConnections
        configuration.limits.headTimeout = .milliseconds(Int64(options.headTimeout * 1000))
        configuration.limits.idleTimeout = .milliseconds(Int64(options.idleTimeout * 1000))
        return configuration
    }
}
