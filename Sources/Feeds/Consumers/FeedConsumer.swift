import Foundation
import LiveState
import WebSocket

/// Runs one feed connection on a dedicated thread: connects, sends `replay`, hands every
/// message to the pipeline with this connection's source and subscription, and reconnects,
/// pings and gives up on silent peers as `FeedConnectionStateMachine` says.
///
/// One thread per connection, not a task per message: `WebSocketClient` blocks, and a blocked
/// call must never sit on Swift's cooperative pool. The thread waits at most
/// `receivePollInterval` at a time, so `stop()` is noticed promptly; a connect in progress is
/// bounded by the client's own timeouts.
public final class FeedConsumer: @unchecked Sendable {
    // Safety: `machine`, `started`, `stopRequested` and `finished` are read and written only
    // with `condition` locked; everything else is immutable after init. The WebSocket client
    // never leaves the consumer's thread (it is a local of `run()`).
    /// What this consumer connects to.
    public let configuration: FeedConfiguration
    /// Where messages go.
    let ingestor: FeedIngestor
    /// How the thread runs.
    let options: FeedConsumerOptions
    /// The configuration's subscription, built once rather than per message.
    let subscription: FeedSubscription
    private let onStateChange: @Sendable (FeedStatus) -> Void
    private let condition = NSCondition()
    private var machine: FeedConnectionStateMachine
    private var started = false
    private var stopRequested = false
    private var finished = false

    /// A consumer of `configuration` into `ingestor`; nothing runs until `start()`.
    /// `onStateChange` is called on the consumer's thread after every change of phase.
    public init(
        configuration: FeedConfiguration, ingestor: FeedIngestor, policy: FeedConnectionPolicy = FeedConnectionPolicy(),
        options: FeedConsumerOptions = FeedConsumerOptions(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        onStateChange: @escaping @Sendable (FeedStatus) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.ingestor = ingestor
        self.options = options
        subscription = configuration.subscription
        self.onStateChange = onStateChange
        machine = FeedConnectionStateMachine(policy: policy, random: random)
    }

    /// Starts the thread; a second call does nothing.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        let thread = Thread { [self] in run() }
        thread.name = "feed-\(configuration.source.rawValue)"
        thread.start()
    }

    /// Asks the thread to stop (closing an open connection with 1001) without waiting.
    public func requestStop() {
        condition.lock()
        defer { condition.unlock() }
        stopRequested = true
        condition.broadcast()
    }

    /// Waits until the thread has ended or `deadline` passed; whether it ended.
    @discardableResult
    public func awaitStop(until deadline: ContinuousClock.Instant) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while started && !finished {
            let remaining = deadline - .now
            guard remaining > .zero else { return false }
            _ = condition.wait(until: Date(timeIntervalSinceNow: Self.seconds(remaining)))
        }
        return true
    }

    /// Stops: sends a close frame (1001 going away) if connected and returns once the thread
    /// ended, or after `stopTimeout` (a connect under way finishes first); whether it ended.
    @discardableResult
    public func stop() -> Bool {
        requestStop()
        return awaitStop(until: .now + options.stopTimeout)
    }

    /// A snapshot for `/status`.
    public var status: FeedStatus {
        condition.lock()
        var snapshot = machine.status(of: configuration, now: .now, wallNow: .now())
        condition.unlock()
        if configuration.source == .consensus { snapshot.pending = ingestor.pipeline.pendingMessages }
        return snapshot
    }

    /// Runs `body` on the machine under the lock, and reports a change of phase afterwards.
    func update<Result>(_ body: (inout FeedConnectionStateMachine) -> Result) -> Result {
        condition.lock()
        let before = FeedPhase(machine.state)
        let result = body(&machine)
        let changed = FeedPhase(machine.state) != before
        let snapshot = changed ? machine.status(of: configuration, now: .now, wallNow: .now()) : nil
        condition.unlock()
        if let snapshot { onStateChange(snapshot) }
        return result
    }

    /// What one visit to the machine leaves the loop with.
    struct Turn {
        /// Actions to carry out.
        var actions: [FeedConnectionStateMachine.Action]
        /// The moment of the visit.
        var now: ContinuousClock.Instant
        /// The machine's next deadline after the visit.
        var deadline: ContinuousClock.Instant?
        /// Whether `stop` was asked for.
        var stopRequested: Bool
    }

    /// Runs `body` on the machine with the current time (see `update`), and reads the
    /// deadline and the stop request in the same lock.
    func visit(_ body: (inout FeedConnectionStateMachine, ContinuousClock.Instant) -> [FeedConnectionStateMachine.Action]) -> Turn {
        let now = ContinuousClock.now
        return update { machine in
            let actions = body(&machine, now)
            return Turn(actions: actions, now: now, deadline: machine.deadline, stopRequested: stopRequested)
        }
    }

    /// Sleeps until the machine's deadline, `stop`, or at most `limit`.
    func waitForDeadline(limit: Duration) {
        condition.lock()
        defer { condition.unlock() }
        let end = min(machine.deadline ?? .now + limit, .now + limit)
        while !stopRequested {
            let remaining = end - .now
            guard remaining > .zero else { return }
            _ = condition.wait(until: Date(timeIntervalSinceNow: Self.seconds(remaining)))
        }
    }

    /// Marks the thread finished and wakes `awaitStop`.
    func finish() {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        condition.broadcast()
    }

    /// A duration as the seconds `NSCondition.wait(until:)` wants.
    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
