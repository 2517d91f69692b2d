import Feeds
#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
import LiveState
import Logging
import RatingsAPI
import ServiceMetrics

/// The running service: one store, the HTTP server in front of it, and the source that feeds
/// it: the live upstream feeds when an enabled feed has a token, else demo mode on the
/// embedded Fixtures. `run()` returns after a graceful shutdown on SIGINT or SIGTERM.
final class Service {
    private let options: Ratingsd
    private let environment: [String: String]
    private let logger = Logger(label: "ratingsd")

    /// A service configured by the parsed command and the process environment (for tokens).
    init(options: Ratingsd, environment: [String: String]) {
        self.options = options
        self.environment = environment
    }

    /// Starts the server, then the data source; returns after a graceful shutdown.
    ///
    /// Throws when the feed options are unusable or the server cannot listen.
    func run() throws {
        let configurations = try options.feedConfigurations(environment: environment)
        let startedAt = Timestamp.now()
        let store = Store(
            limits: storeLimits,
            events: EventLog(capacity: options.eventLogSize, startingAfter: EventLog.sequenceBase(startingAt: startedAt)))
        let source = dataSource(store: store, configurations: configurations)
        // One registry for the process: the API registers its families on it, later components
        // register their own `MetricsSource`s, and the swift-metrics API of the whole process
        // records into its Prometheus registry.
        let metrics = MetricsRegistry()
        metrics.bootstrapSwiftMetrics()
        let events = eventFanout(store: store)
        let api = RatingsAPI(
            store: store,
            configuration: APIConfiguration(
                corsOrigin: options.corsOrigin, openAPIDocument: Array(EmbeddedResources.openAPIDocument.utf8),
                dashboardPage: Array(EmbeddedResources.dashboardPage.utf8),
                metricsShards: serverConfiguration.threads),
            service: { source.serviceState(startedAt: startedAt) },
            metrics: metrics,
            events: events
        )
        let server = HTTPServer(
            configuration: serverConfiguration, responder: api, logger: logger, broadcastHub: events.broadcastHub)
        metrics.register(HTTPServerMetrics(server: server, maxConnections: options.maxConnections))
        // Signals are caught before anything starts, so one sent the moment "listening" is
        // logged is acted on rather than lost; the action is attached once there is something
        // to stop.
        let logger = self.logger
        let shutdown = ShutdownRequest()
        let signals = ShutdownSignals { number in
            logger.notice("shutting down", metadata: ["signal": number == SIGTERM ? "SIGTERM" : "SIGINT"])
            shutdown.request()
        }
        let port = try server.start()
        logger.notice("listening", metadata: [
            "address": "\(options.host):\(port)", "threads": "\(serverConfiguration.threads)",
        ])
        source.start()
        // Feeds stop first (each closes its connection with 1001 "going away"), then the server
        // drains, so no request sees a store still being written by a feed that is going away.
        shutdown.perform {
            source.stop()
            server.shutdown()
        }
        server.waitUntilStopped()
        withExtendedLifetime(signals) {}
        source.stop()
        logger.notice("stopped")
    }

    /// Live when any enabled feed has a token, demo otherwise.
    private func dataSource(store: Store, configurations: [FeedConfiguration]) -> any DataSource {
        guard configurations.contains(where: \.enabled) else {
            return DemoSource(store: store, rate: options.demoRate, logger: logger)
        }
        return LiveSource(
            store: store, configurations: configurations, policy: options.feedPolicy,
            options: options.feedConsumerOptions, pendingLimits: options.pendingLimits, logger: logger)
    }

    /// `GET /events`, logging each subscriber dropped for reading too slowly.
    private func eventFanout(store: Store) -> EventFanout {
        let logger = self.logger
        return EventFanout(store: store, configuration: options.eventStreamConfiguration) { lastID, reason in
            let why = reason == .sendTimeout ? "its output made no progress for the send timeout" : "output buffer full"
            logger.warning("event stream dropped: the client read too slowly (\(why)); it can resume", metadata: [
                "last_event_id": "\(lastID)",
            ])
        }
    }

    private var storeLimits: StoreLimits {
        StoreLimits(
            ratingsPerTicker: options.ratingsPerTicker, ratingsOverall: options.maxRatings,
            insightsPerTicker: options.insightsPerTicker, insightsOverall: options.maxInsights)
    }

    private var serverConfiguration: HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration(host: options.host, port: options.port)
        if let threads = options.threads { configuration.threads = threads }
        configuration.acceptStrategy = options.accept
        configuration.maxLoopImbalance = options.maxLoopImbalance
        configuration.maxConnections = options.maxConnections
        configuration.limits.headTimeout = .milliseconds(Int64(options.headTimeout * 1000))
        configuration.limits.idleTimeout = .milliseconds(Int64(options.idleTimeout * 1000))
        return configuration
    }
}
