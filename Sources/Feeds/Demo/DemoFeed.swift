import Foundation
import LiveState

/// Demo mode's runner: on one dedicated thread, feeds the initial load through the pipeline,
/// reports it, then replays forever at the configured pace until stopped.
///
/// One thread rather than a task per message: the pipeline's store wants one writer at a time,
/// and a paced loop on a thread costs nothing between messages.
public final class DemoFeed: @unchecked Sendable {
    // Safety: every `var` below is read and written only with `condition` locked; the rest is
    // immutable after init.
    private let pipeline: FeedPipeline
    private let fixtures: DemoFixtures
    private let rate: Double
    private let seed: UInt64
    private let clock: any DemoClock
    private let onInitialLoadComplete: @Sendable (DemoLoadSummary) -> Void
    private let condition = NSCondition()
    private var started = false
    private var stopRequested = false
    private var finished = false
    private var replayed = 0
    private var thread: Thread?

    /// Prepares a feed; nothing runs until `start()`. `rate` is messages per second after the
    /// initial load (zero: load only). `seed` fixes the replay's fresh envelope ids (tests);
    /// by default every run draws its own.
    public init(
        pipeline: FeedPipeline, fixtures: DemoFixtures, rate: Double = 20, seed: UInt64? = nil,
        clock: any DemoClock = SystemDemoClock(),
        onInitialLoadComplete: @escaping @Sendable (DemoLoadSummary) -> Void = { _ in }
    ) {
        self.pipeline = pipeline
        self.fixtures = fixtures
        self.rate = rate
        self.seed = seed ?? UInt64.random(in: .min ... .max)
        self.clock = clock
        self.onInitialLoadComplete = onInitialLoadComplete
    }

    /// Starts the thread; a second call does nothing.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        let thread = Thread { [self] in run() }
        thread.name = "ratingsd-demo"
        self.thread = thread
        thread.start()
    }

    /// Stops the thread and returns once it has finished its current message (at most one
    /// pipeline call away). Safe to call more than once, without `start()`, or from the
    /// completion callback (which runs on the demo thread, so it does not wait for itself).
    public func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopRequested = true
        condition.broadcast()
        guard thread.map({ $0 != Thread.current }) ?? false else { return }
        while !finished { condition.wait() }
    }

    /// Messages replayed after the initial load so far.
    public var replayedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return replayed
    }

    private var shouldStop: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopRequested
    }

    private func run() {
        defer {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        var replay = DemoReplay(fixtures: fixtures, seed: seed)
        guard let summary = load(replay.initialLoad) else { return }
        onInitialLoadComplete(summary)
        guard replay.messagesPerLoop > 0 else {
            while waitUnlessStopped(seconds: 3600) {}
            return
        }
        var pacer = DemoPacer(rate: rate, now: clock.monotonicNanoseconds())
        while true {
            switch pacer.poll(now: clock.monotonicNanoseconds()) {
            case .send(let count):
                for _ in 0..<count {
                    guard !shouldStop, let message = replay.next(now: clock.now()) else { return }
                    pipeline.ingest(message.bytes, source: message.source, receivedAt: clock.now())
                    condition.lock()
                    replayed += 1
                    condition.unlock()
                }
            case .wait(let nanoseconds):
                guard waitUnlessStopped(seconds: Double(nanoseconds) / 1e9) else { return }
            case .paused:
                guard waitUnlessStopped(seconds: 3600) else { return }
            }
        }
    }

    /// Feeds the initial load; nil when stopped part-way.
    private func load(_ messages: [DemoMessage]) -> DemoLoadSummary? {
        let start = clock.now()
        var applied = 0
        var deadLetters = 0
        for message in messages {
            guard !shouldStop else { return nil }
            switch pipeline.ingest(message.bytes, source: message.source, receivedAt: clock.now()) {
            case .applied(.applied): applied += 1
            case .applied, .held: break
            case .deadLettered: deadLetters += 1
            }
        }
        let elapsed = clock.now().millisecondsSinceEpoch - start.millisecondsSinceEpoch
        return DemoLoadSummary(messages: messages.count, applied: applied, deadLetters: deadLetters, milliseconds: elapsed)
    }

    /// Sleeps up to `seconds`, waking at once on `stop()`; false when stopping.
    private func waitUnlessStopped(seconds: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !stopRequested {
            if !condition.wait(until: deadline) { break }
        }
        return !stopRequested
    }
}
