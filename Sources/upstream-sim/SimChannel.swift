import Feeds
import Foundation
import LiveState
import Logging
import Synchronization

/// One path's stream: a pacing thread sends the fixture lines in order at `settings.rate` to
/// every connection on the path, keeps the last ones for `replay`, and pings everyone.
///
/// Like Benzinga, a path is one live stream: a client that connects late gets the messages from
/// then on (plus a `replay`). The stream starts with the first connection to the path, so a
/// client started right after the simulator sees the fixture from its first line. After the
/// last line it loops with fresh ids and timestamps (as demo mode does) or, with `loop` off,
/// sends no more data.
final class SimChannel: Sendable {
    /// What the pacing thread and the connections share.
    struct Shared {
        var connections: [Int: SimConnection] = [:]
        var replay: SimReplayBuffer
        var started = false
        var stopped = false
    }

    let feed: SimFeed
    let settings: SimSettings
    let logger: Logger
    /// The fixture file of this path.
    let fixture: [UInt8]
    /// ISIN to ticker, for consensus messages that name only an ISIN.
    let isinTickers: [String: String]
    let shared: Mutex<Shared>

    /// A channel for `feed` streaming `fixture` (a `.jsonl` file's bytes).
    init(feed: SimFeed, fixture: [UInt8], isinTickers: [String: String] = [:], settings: SimSettings, logger: Logger) {
        self.feed = feed
        self.fixture = fixture
        self.isinTickers = isinTickers
        self.settings = settings
        self.logger = logger
        shared = Mutex(Shared(replay: SimReplayBuffer(capacity: settings.replayCapacity)))
    }

    /// Adds a connection; the first one starts the stream.
    func attach(_ connection: SimConnection) {
        let start = shared.withLock { shared -> Bool in
            guard !shared.stopped else { return false }
            shared.connections[connection.number] = connection
            defer { shared.started = true }
            return !shared.started
        }
        connection.start()
        if start {
            let thread = Thread { [self] in run() }
            thread.name = "sim-\(feed.rawValue)"
            thread.start()
        }
    }

    /// Forgets a closed connection.
    func detach(_ connection: SimConnection) {
        _ = shared.withLock { $0.connections.removeValue(forKey: connection.number) }
    }

    /// The messages a `replay` re-sends, oldest first.
    func recent() -> [SimMessage] {
        shared.withLock { $0.replay.messages }
    }

    /// Ends the pacing thread and closes every connection with a close frame (1001).
    func stop() {
        let connections = shared.withLock { shared -> [SimConnection] in
            shared.stopped = true
            return Array(shared.connections.values)
        }
        for connection in connections { connection.closeHandshake(code: .goingAway, reason: "simulator stopping") }
    }

    /// The pacing loop: sends what is due by the clock, pings when due, sleeps until the next.
    private func run() {
        var replay = DemoReplay(fixtures: fixtures(), seed: settings.seed)
        let initial = replay.initialLoad
        let clock = ContinuousClock()
        let start = clock.now
        var produced = 0
        /// Set once the fixture is sent and looping is off: only pings from then on.
        var exhausted = false
        var nextPing = start + settings.pingInterval
        logger.info("stream started", metadata: ["path": "\(feed.path)", "fixture_lines": "\(initial.count)"])
        while true {
            let now = clock.now
            let elapsed = now - start
            let due = settings.rate > 0 ? Int((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * settings.rate) + 1 : 0
            while produced < due {
                let bytes: [UInt8]
                if produced < initial.count {
                    bytes = initial[produced].bytes
                } else if settings.loop, let next = replay.next(now: .now()) {
                    bytes = next.bytes
                } else {
                    exhausted = true
                    break
                }
                produced += 1
                broadcast(SimMessage(bytes: bytes, ticker: SimTickerFilter.ticker(of: bytes, feed: feed, isinTickers: isinTickers)))
            }
            if now >= nextPing {
                nextPing = now + settings.pingInterval
                for connection in connections() { connection.sendPing() }
            }
            guard !shared.withLock({ $0.stopped }) else { return }
            let nextMessage = settings.rate > 0 && !exhausted ? start + .seconds(Double(produced) / settings.rate) : nextPing
            let wake = min(nextMessage, nextPing, clock.now + settings.maxSleep)
            if wake > clock.now { Thread.sleep(forTimeInterval: Self.seconds(wake - clock.now)) }
        }
    }

    private func broadcast(_ message: SimMessage) {
        let connections = shared.withLock { shared -> [SimConnection] in
            shared.replay.append(message)
            return Array(shared.connections.values)
        }
        for connection in connections { connection.send(message) }
    }

    private func connections() -> [SimConnection] {
        shared.withLock { Array($0.connections.values) }
    }

    /// Only this path's file, so the demo timeline holds this stream alone.
    private func fixtures() -> DemoFixtures {
        DemoFixtures(
            ratings: feed == .ratings ? fixture : [], consensus: feed == .consensus ? fixture : [],
            insights: feed == .insights ? fixture : [])
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
