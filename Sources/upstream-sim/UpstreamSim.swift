import ArgumentParser
import HTTPServer
import Logging

/// The `upstream-sim` command: a Benzinga-compatible WebSocket server for the three analyst
/// streams, serving the recorded Fixtures, with faults on demand. See the README.
@main
struct UpstreamSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upstream-sim",
        abstract: "Serves the Benzinga ratings, consensus and insights WebSocket streams from the recorded Fixtures.",
        discussion: """
            Paths: /api/v2.1/calendar/ratings/stream, /api/v1/consensus-ratings/stream,
            /api/v1/analyst/insights/stream. Query: token (required), tickers=AAPL,MSFT,
            fault=<faults> (added to --fault). Faults: drop:N, fragment, malformed:N,
            oversized:N, non-utf8:N, status:401, status:429, silence.
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port to listen on (0 picks a free one; the log says which).")
    var port = 8765

    @Option(help: "The token clients must send as the `token` query parameter.")
    var token = "sim-token"

    @Option(help: "Data messages per second on each path.")
    var rate = 20.0

    @Option(help: "Seconds between the ping frames sent to every connection.")
    var pingInterval = 10.0

    @Option(help: "Faults for every connection (repeatable, comma-separated; see the README).")
    var fault: [String] = []

    @Flag(inversion: .prefixedNo, help: "After the last fixture line, loop with fresh ids and timestamps (or send no more data).")
    var loop = true

    @Option(help: "Most recent messages a `replay` command re-sends (Benzinga documents 100).")
    var replayCapacity = SimSettings().replayCapacity

    @Option(help: "Seed of the fresh ids of looped messages.")
    var seed: UInt64 = 1

    @Option(help: "Lowest level logged: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard rate >= 0, rate.isFinite else { throw ValidationError("--rate must be a number >= 0") }
        guard pingInterval > 0, pingInterval.isFinite else { throw ValidationError("--ping-interval must be > 0") }
        guard replayCapacity >= 0 else { throw ValidationError("--replay-capacity must be >= 0") }
        guard !token.isEmpty else { throw ValidationError("--token must not be empty") }
        do throws(SimFaults.ParseError) { _ = try SimFaults(fault) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let logger = Logger(label: "upstream-sim")
        // Before anything starts: a SIGTERM that comes early still stops the process.
        let shutdown = ShutdownRequest()
        let signals = ShutdownSignals { _ in shutdown.request() }
        let settings = SimSettings(
            rate: rate, pingInterval: .seconds(pingInterval), loop: loop, replayCapacity: replayCapacity, seed: seed)
        let fixtures: [SimFeed: String] = [
            .ratings: EmbeddedResources.ratingsFixture, .consensus: EmbeddedResources.consensusFixture,
            .insights: EmbeddedResources.insightsFixture,
        ]
        let isinTickers = SimTickerFilter.isinTickers(fromRatings: Array(EmbeddedResources.ratingsFixture.utf8))
        let channels = Dictionary(uniqueKeysWithValues: fixtures.map { feed, text in
            (feed, SimChannel(feed: feed, fixture: Array(text.utf8), isinTickers: isinTickers, settings: settings, logger: logger))
        })
        let responder = SimResponder(token: token, channels: channels, defaultFaults: try SimFaults(fault), settings: settings, logger: logger)
        var configuration = HTTPServerConfiguration(host: host, port: port)
        configuration.threads = 1
        // Room for the oversized fault's message on top of ordinary traffic.
        configuration.limits.outputBufferLimit = 4 * settings.oversizedBytes
        let server = HTTPServer(configuration: configuration, responder: responder, logger: logger)
        let boundPort = try server.start()
        logger.notice("listening", metadata: [
            "address": "\(host):\(boundPort)", "rate": "\(rate)/s", "loop": "\(loop)",
            "faults": "\(responder.defaultFaults.summary)",
        ])
        shutdown.perform {
            logger.notice("shutting down")
            for channel in channels.values { channel.stop() }
            server.shutdown()
        }
        server.waitUntilStopped()
        withExtendedLifetime(signals) {}
        logger.notice("stopped")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
