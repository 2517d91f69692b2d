import ArgumentParser
import Feeds
import Foundation
import HTTPServer
import LiveState
import Logging

/// The `ratingsd` command: parses flags (and their `RATINGSD_*` environment twins) and runs the
/// service until SIGINT or SIGTERM.
@main
struct Ratingsd: ParsableCommand {
    /// The command's name, abstract and help discussion.
    static let configuration = CommandConfiguration(
        commandName: "ratingsd",
        abstract: "Serves live Benzinga analyst ratings, consensus and insights over HTTP.",
        discussion: """
            Every option can also be set in the environment as RATINGSD_<OPTION>, e.g. \
            RATINGSD_PORT=9090 or RATINGSD_CORS_ORIGIN=https://app.example (flags such as \
            --consensus-simplify as RATINGSD_CONSENSUS_SIMPLIFY=1); a flag on the command line wins.

            Tokens come only from the environment, never from flags: BENZINGA_TOKEN for every \
            feed, or BENZINGA_RATINGS_TOKEN, BENZINGA_CONSENSUS_TOKEN, BENZINGA_INSIGHTS_TOKEN for \
            one (a token may allow only one connection at a time). When an enabled feed has a \
            token the service runs live on Benzinga's streams; otherwise it runs in demo mode on \
            the recorded streams embedded in the binary.
            """
    )

    /// Option names that may also come from the environment.
    static let environmentOptions = [
        "host", "port", "threads", "accept", "max-loop-imbalance", "max-connections", "cors-origin", "demo-rate", "log-level",
        "ratings-per-ticker", "max-ratings", "insights-per-ticker", "max-insights",
        "head-timeout", "idle-timeout",
        "ratings-url", "consensus-url", "insights-url", "tickers", "isins", "consensus-aggregate-type",
        "ca-file", "feeds", "heartbeat-interval", "max-pending-consensus", "pending-consensus-seconds",
        "event-log-size", "sse-heartbeat", "sse-retry", "max-subscribers",
    ]

    /// Flag names (no value) that may also come from the environment.
    static let environmentFlags = ["consensus-simplify", "consensus-per-ticker"]

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "Event loop threads (default: one per core).")
    var threads: Int?

    @Option(help: "How event loops share the port: shared (one listener; the kernel hands each new connection to an idle loop, as nginx does) or reuse-port (a listener per loop; connections spread by address hash).")
    var accept = HTTPServerConfiguration().acceptStrategy

    @Option(help: "With --accept shared: connections a loop may hold beyond the least-loaded loop before it passes new ones to that loop.")
    var maxLoopImbalance = HTTPServerConfiguration().maxLoopImbalance

    @Option(help: "Open connections allowed; above it new ones get 503 and are closed.")
    var maxConnections = 10_000

    @Option(help: "Value of Access-Control-Allow-Origin.")
    var corsOrigin = "*"

    @Option(help: "Demo mode: recorded messages replayed per second after the initial load.")
    var demoRate = 20.0

    @Option(help: "Lowest level logged: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Option(help: "Recent ratings kept per ticker.")
    var ratingsPerTicker = 500

    @Option(help: "Recent ratings kept overall.")
    var maxRatings = 100_000

    @Option(help: "Recent insights kept per ticker.")
    var insightsPerTicker = 500

    @Option(help: "Recent insights kept overall.")
    var maxInsights = 100_000

    @Option(help: "Seconds a client has to send a complete request head.")
    var headTimeout = 10.0

    @Option(help: "Seconds an idle keep-alive connection is kept open.")
    var idleTimeout = 60.0

    @Option(help: "WebSocket URL of the analyst ratings stream.")
    var ratingsURL = FeedConfiguration.defaultURL(for: .ratings)

    @Option(help: "WebSocket URL of the consensus ratings stream.")
    var consensusURL = FeedConfiguration.defaultURL(for: .consensus)

    @Option(help: "WebSocket URL of the analyst insights stream.")
    var insightsURL = FeedConfiguration.defaultURL(for: .insights)

    @Option(help: "Feeds to run, comma-separated: ratings, consensus, insights.")
    var feeds = "ratings,consensus,insights"

    @Option(help: "Subscribe to these tickers only, comma-separated (default: all).")
    var tickers = ""

    @Option(help: "Subscribe to these ISINs only, comma-separated (default: all).")
    var isins = ""

    @Flag(help: "Ask the consensus stream to fold strong buy/sell into buy/sell.")
    var consensusSimplify = false

    @Option(help: "Consensus buckets as analyst counts or shares: number or percentage (default: the upstream's).")
    var consensusAggregateType: String?

    @Flag(help: "One consensus connection per --tickers entry, for upstreams whose payload names no ticker (each counts against the token's connection limit).")
    var consensusPerTicker = false

    @Option(help: "PEM file of CA certificates to trust for wss:// instead of the system's.")
    var caFile: String?

    @Option(help: "Seconds between text pings on each feed; two intervals without a frame mean a dead connection.")
    var heartbeatInterval = 30.0

    @Option(help: "Consensus messages naming only an ISIN no rating or insight has named yet, held until one does (0: refuse them at once).")
    var maxPendingConsensus = 1_000

    @Option(help: "Seconds such a consensus message is held at most before it becomes a dead letter.")
    var pendingConsensusSeconds = 300.0
    @Option(help: "Events kept for resuming GET /events streams (Last-Event-ID).")
    var eventLogSize = EventLog.defaultCapacity

    @Option(help: "Seconds without an event after which a GET /events stream gets a heartbeat comment.")
    var sseHeartbeat = 15.0

    @Option(help: "Milliseconds an EventSource waits before reconnecting (the retry: field).")
    var sseRetry = 3_000

    @Option(help: "GET /events streams open at once; above it 503 with Retry-After.")
    var maxSubscribers = 10_000

    /// Runs with the process's arguments and environment merged.
    static func main() {
        let overlay = EnvironmentOverlay(optionNames: environmentOptions, flagNames: environmentFlags)
        let arguments = overlay.arguments(
            Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
        main(arguments)
    }

    /// Refuses unusable flags before anything starts, naming the flag.
    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0-65535, got \(port)") }
        if let threads, !(1...256).contains(threads) {
            throw ValidationError("--threads must be 1-256, got \(threads)")
        }
        guard maxLoopImbalance >= 0 else { throw ValidationError("--max-loop-imbalance must be at least 0") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard demoRate > 0, demoRate <= 100_000 else { throw ValidationError("--demo-rate must be in (0, 100000]") }
        for (name, value) in [("ratings-per-ticker", ratingsPerTicker), ("max-ratings", maxRatings),
                              ("insights-per-ticker", insightsPerTicker), ("max-insights", maxInsights)]
        where value < 1 {
            throw ValidationError("--\(name) must be at least 1, got \(value)")
        }
        guard headTimeout > 0, idleTimeout > 0 else { throw ValidationError("timeouts must be positive") }
        try validateFeedOptions(environment: ProcessInfo.processInfo.environment)
        try validateEventOptions()
    }

    /// Sets up logging at `--log-level` and runs the service until a shutdown signal.
    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        try Service(options: self, environment: environment).run()
    }
}
