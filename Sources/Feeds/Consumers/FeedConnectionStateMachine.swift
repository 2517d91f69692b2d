/// The life of one feed connection as a value: events in, actions out, time passed in.
///
/// Nothing here touches a socket or a clock: the consumer's thread reports what happened
/// (`opened`, `received`, `failed`) with the time it happened, calls `tick` at `deadline`, and
/// carries out the actions returned. So every rule (backoff with full jitter, the auth and 429
/// pauses, the heartbeat, the dead-connection check, `replay` on each connect) is tested
/// without sockets or sleeps.
public struct FeedConnectionStateMachine: Sendable {
    /// Monotonic time; wall-clock jumps must not shorten or stretch a backoff.
    public typealias Instant = ContinuousClock.Instant

    /// Where the connection stands.
    public enum State: Sendable, Equatable {
        /// Not started yet.
        case idle
        /// A connect is under way.
        case connecting
        /// Connected; messages flow.
        case open
        /// Waiting to reconnect after a failure.
        case backingOff(until: Instant)
        /// Waiting, much longer, after the upstream refused the token.
        case stoppedForAuth(until: Instant)
        /// Stopped for good (shutdown).
        case stopped
    }

    /// What the consumer must do.
    public enum Action: Sendable, Equatable {
        /// Open a connection and report `opened` or `failed`.
        case connect
        /// Send this text message.
        case send(String)
        /// Drop the connection without a close handshake (it is dead: a handshake would only
        /// wait out its timeout).
        case abandon
        /// Close with 1001 (going away) and the close handshake.
        case closeGoingAway
    }

    /// What arrived on an open connection.
    public enum Frame: Sendable, Equatable {
        /// A data message (counted as a message).
        case message
        /// A ping, a pong, or the text `pong`: proof of life, not a message.
        case control
    }

    /// The text command that asks the upstream for its cached messages.
    public static let replayCommand = "replay"
    /// The text command the upstream answers with the text `pong`.
    public static let pingCommand = "ping"

    /// The timing rules.
    public let policy: FeedConnectionPolicy
    /// `policy.deadAfter`, computed once: `deadline` is read for every message, and the
    /// product behind it is generic `Duration` arithmetic.
    private let deadAfter: Duration
    /// Draws a fraction in [0, 1) for full jitter; injected so tests fix it.
    private let random: @Sendable () -> Double
    /// Where the connection stands.
    public private(set) var state: State = .idle
    /// Failures since the last stable connection: the backoff exponent.
    public private(set) var attempt = 0
    /// Connects made after a failure or loss (the first connect is not a reconnect).
    public private(set) var reconnects = 0
    /// Data messages received over all connections.
    public private(set) var messages = 0
    /// The latest failure, for `/status`; kept after a later success as history.
    public private(set) var lastError: FeedFailure?
    /// Whether the latest connect was refused for the token (cleared by a successful open).
    public private(set) var authFailure = false
    /// Whether a connection has ever opened.
    public private(set) var hasConnected = false
    /// When the current connection opened; nil unless open.
    public private(set) var connectedSince: Instant?
    /// When the last data message arrived, on any connection.
    public private(set) var lastMessageAt: Instant?
    /// Quick reconnects since the last stable connection.
    public private(set) var quickReconnects = 0
    /// Data messages received on the current connection.
    private var messagesOnConnection = 0
    /// When the last frame of any kind arrived on the current connection.
    private var lastFrameAt: Instant?
    /// When the next text `ping` is due.
    private var nextPingAt: Instant?

    /// A machine in `idle`; `random` must return fractions in [0, 1) (others are clamped).
    public init(policy: FeedConnectionPolicy = FeedConnectionPolicy(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.policy = policy
        deadAfter = policy.deadAfter
        self.random = random
    }

    /// Starts: the first connect.
    public mutating func start(now: Instant) -> [Action] {
        guard state == .idle else { return [] }
        state = .connecting
        return [.connect]
    }

    /// The connection opened: ask for the replay, start the heartbeat.
    public mutating func opened(now: Instant) -> [Action] {
        guard state == .connecting else { return [] }
        state = .open
        hasConnected = true
        authFailure = false
        connectedSince = now
        messagesOnConnection = 0
        lastFrameAt = now
        nextPingAt = now + policy.heartbeatInterval
        return [.send(Self.replayCommand)]
    }

    /// A frame arrived on the open connection.
    public mutating func received(_ frame: Frame, now: Instant) {
        guard state == .open else { return }
        lastFrameAt = now
        if frame == .message {
            messages += 1
            messagesOnConnection += 1
            lastMessageAt = now
        }
    }

    /// A connect failed or the open connection was lost: pause before the next connect.
    ///
    /// A lost connection that delivered data reconnects within `quickReconnectJitter` (up to
    /// `maxQuickReconnects` times in a row) without raising the backoff exponent: it worked,
    /// and every moment away is a message the 100-message replay may no longer hold.
    public mutating func failed(_ failure: FeedFailure, now: Instant) {
        guard state == .connecting || state == .open else { return }
        if let since = connectedSince, now - since >= policy.stableConnection {
            attempt = 0
            quickReconnects = 0
        }
        let deliveredData = state == .open && messagesOnConnection > 0
        connectedSince = nil
        messagesOnConnection = 0
        lastFrameAt = nil
        nextPingAt = nil
        lastError = failure
        switch failure {
        case .unauthorized:
            authFailure = true
            state = .stoppedForAuth(until: now + policy.authFailureBackoff)
        case .tooManyConnections:
            state = .backingOff(until: now + policy.tooManyConnectionsBackoff)
        case .connectionLost where deliveredData && quickReconnects < policy.maxQuickReconnects:
            quickReconnects += 1
            state = .backingOff(until: now + policy.quickReconnectJitter * jitterFraction())
        case .connectFailed, .connectionLost, .silent:
            state = .backingOff(until: now + backoffDelay())
            attempt += 1
        }
    }

    /// Runs what is due at `now`: a reconnect after a pause, a heartbeat, the dead check.
    public mutating func tick(now: Instant) -> [Action] {
        switch state {
        case .open:
            if let lastFrameAt, now - lastFrameAt >= deadAfter {
                failed(.silent(now - lastFrameAt), now: now)
                return [.abandon]
            }
            if let nextPingAt, now >= nextPingAt {
                self.nextPingAt = now + policy.heartbeatInterval
                return [.send(Self.pingCommand)]
            }
            return []
        case .backingOff(let until), .stoppedForAuth(let until):
            guard now >= until else { return [] }
            state = .connecting
            reconnects += 1
            return [.connect]
        case .idle, .connecting, .stopped:
            return []
        }
    }

    /// Stops for good; an open connection is closed with 1001.
    public mutating func stop(now: Instant) -> [Action] {
        let wasOpen = state == .open
        state = .stopped
        connectedSince = nil
        return wasOpen ? [.closeGoingAway] : []
    }

    /// When `tick` next has something to do; nil when only an event can change anything.
    public var deadline: Instant? {
        switch state {
        case .open:
            guard let lastFrameAt, let nextPingAt else { return nil }
            return min(nextPingAt, lastFrameAt + deadAfter)
        case .backingOff(let until), .stoppedForAuth(let until):
            return until
        case .idle, .connecting, .stopped:
            return nil
        }
    }

    /// Full jitter: uniform in [0, min(maxBackoff, initialBackoff * 2^attempt)).
    private func backoffDelay() -> Duration {
        // Past 2^30 the ceiling is the cap anyway; stopping there keeps the multiply in range.
        let exponent = min(attempt, 30)
        let ceiling = min(policy.maxBackoff, policy.initialBackoff * (1 << exponent))
        return ceiling * jitterFraction()
    }

    /// A draw of `random`, clamped to [0, 1].
    private func jitterFraction() -> Double {
        min(max(random(), 0), 1)
    }
}
