import Feeds
import LiveState
import Synchronization
import Testing

/// The connection rules, driven by hand-made instants: no socket, no sleep.
@Suite struct FeedConnectionStateMachineTests {
    typealias Machine = FeedConnectionStateMachine
    let t0 = ContinuousClock.now

    /// A machine whose jitter always draws `fraction`.
    func machine(fraction: Double = 1, policy: FeedConnectionPolicy = FeedConnectionPolicy()) -> Machine {
        Machine(policy: policy, random: { fraction })
    }

    /// Opens the machine at `at`, returning the actions of `opened`.
    @discardableResult
    func open(_ machine: inout Machine, at: ContinuousClock.Instant) -> [Machine.Action] {
        if machine.state == .idle { #expect(machine.start(now: at) == [.connect]) }
        return machine.opened(now: at)
    }

    /// The pause the machine chose after a failure at `at`.
    func pause(_ machine: Machine, after at: ContinuousClock.Instant) -> Duration? {
        switch machine.state {
        case .backingOff(let until), .stoppedForAuth(let until): until - at
        default: nil
        }
    }

    @Test func startConnectsAndEveryOpenSendsReplayOnce() {
        var machine = machine()
        #expect(machine.start(now: t0) == [.connect])
        #expect(machine.state == .connecting)
        #expect(machine.start(now: t0).isEmpty)
        #expect(machine.opened(now: t0) == [.send("replay")])
        #expect(machine.opened(now: t0).isEmpty)
        machine.failed(.connectionLost("closed by peer"), now: t0 + .seconds(1))
        #expect(machine.tick(now: t0 + .seconds(100)) == [.connect])
        #expect(machine.opened(now: t0 + .seconds(100)) == [.send("replay")])
        #expect(machine.reconnects == 1)
    }

    @Test func backoffCeilingDoublesFromInitialUpToTheCap() {
        var machine = machine(fraction: 1)
        var now = t0
        _ = machine.start(now: now)
        var pauses: [Duration] = []
        for _ in 0..<10 {
            machine.failed(.connectFailed("refused"), now: now)
            pauses.append(pause(machine, after: now)!)
            now += .seconds(60)
            #expect(machine.tick(now: now) == [.connect])
        }
        #expect(pauses == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30), .seconds(30), .seconds(30), .seconds(30)])
        #expect(machine.reconnects == 10)
    }

    @Test func fullJitterScalesTheCeilingByTheDrawnFraction() {
        for (fraction, expected) in [(0.0, Duration.zero), (0.25, .milliseconds(125)), (0.999, .microseconds(499_500))] {
            var machine = machine(fraction: fraction)
            _ = machine.start(now: t0)
            machine.failed(.connectFailed("refused"), now: t0)
            #expect(pause(machine, after: t0) == expected)
        }
        // Out-of-range draws are clamped: never negative, never above the ceiling.
        for (fraction, expected) in [(-3.0, Duration.zero), (7.0, .milliseconds(500))] {
            var machine = machine(fraction: fraction)
            _ = machine.start(now: t0)
            machine.failed(.connectFailed("refused"), now: t0)
            #expect(pause(machine, after: t0) == expected)
        }
    }

    @Test func jitterStaysWithinTheCeilingForASequenceOfDraws() {
        let draws = Mutex([0.9, 0.1, 0.5, 0.0, 0.99, 0.3, 0.7, 0.2, 0.6, 0.4])
        var machine = Machine(random: { draws.withLock { $0.removeFirst() } })
        var now = t0
        _ = machine.start(now: now)
        for attempt in 0..<10 {
            machine.failed(.connectionLost("lost"), now: now)
            let ceiling = min(Duration.seconds(30), .milliseconds(500) * (1 << attempt))
            let chosen = pause(machine, after: now)!
            #expect(chosen >= .zero && chosen < ceiling)
            now += .seconds(31)
            _ = machine.tick(now: now)
        }
    }

    @Test func attemptsResetAfterAConnectionStableForAMinute() {
        var machine = machine(fraction: 1)
        var now = t0
        _ = machine.start(now: now)
        for _ in 0..<5 {
            machine.failed(.connectFailed("refused"), now: now)
            now += .seconds(60)
            _ = machine.tick(now: now)
        }
        #expect(machine.attempt == 5)
        open(&machine, at: now)
        // Short-lived: the next pause keeps growing.
        machine.failed(.connectionLost("lost"), now: now + .seconds(59))
        #expect(pause(machine, after: now + .seconds(59)) == .seconds(16))
        now += .seconds(120)
        _ = machine.tick(now: now)
        open(&machine, at: now)
        // Stable for a minute (frames keep it alive): the next pause starts over.
        for second in stride(from: 10, through: 60, by: 10) { machine.received(.control, now: now + .seconds(second)) }
        machine.failed(.connectionLost("lost"), now: now + .seconds(60))
        #expect(pause(machine, after: now + .seconds(60)) == .milliseconds(500))
        #expect(machine.attempt == 1)
    }

    @Test func unauthorizedUpgradeStopsForAuthForMinutesAndSaysSo() {
        for status in [401, 403] {
            var machine = machine()
            _ = machine.start(now: t0)
            machine.failed(.unauthorized(status: status), now: t0)
            #expect(machine.state == .stoppedForAuth(until: t0 + .seconds(300)))
            #expect(machine.authFailure)
            #expect(machine.lastError?.description.contains("refused the token (HTTP \(status))") == true)
            #expect(machine.tick(now: t0 + .seconds(299)).isEmpty)
            #expect(machine.deadline == t0 + .seconds(300))
            #expect(machine.tick(now: t0 + .seconds(300)) == [.connect])
            // Still flagged while the retry is under way; cleared only by a successful open.
            #expect(machine.authFailure)
            open(&machine, at: t0 + .seconds(301))
            #expect(!machine.authFailure)
        }
    }

    @Test func authBackoffIsTheNamedSettingAndDoesNotGrow() {
        var policy = FeedConnectionPolicy()
        policy.authFailureBackoff = .seconds(120)
        var machine = machine(policy: policy)
        var now = t0
        _ = machine.start(now: now)
        for _ in 0..<3 {
            machine.failed(.unauthorized(status: 401), now: now)
            #expect(pause(machine, after: now) == .seconds(120))
            now += .seconds(120)
            #expect(machine.tick(now: now) == [.connect])
        }
    }

    @Test func tooManyConnectionsBacksOffLongAndNamesTheCause() {
        var machine = machine(fraction: 0)
        _ = machine.start(now: t0)
        machine.failed(.tooManyConnections, now: t0)
        #expect(machine.state == .backingOff(until: t0 + .seconds(60)))
        #expect(!machine.authFailure)
        #expect(machine.lastError?.description == "too many connections for this token (HTTP 429)")
    }

    @Test func heartbeatSendsPingEveryIntervalWhileFramesArrive() {
        var machine = machine()
        open(&machine, at: t0)
        #expect(machine.deadline == t0 + .seconds(30))
        #expect(machine.tick(now: t0 + .seconds(29)).isEmpty)
        machine.received(.control, now: t0 + .seconds(29))
        #expect(machine.tick(now: t0 + .seconds(30)) == [.send("ping")])
        #expect(machine.tick(now: t0 + .seconds(31)).isEmpty)
        machine.received(.control, now: t0 + .seconds(31))
        #expect(machine.deadline == t0 + .seconds(60))
        #expect(machine.tick(now: t0 + .seconds(60)) == [.send("ping")])
        #expect(machine.state == .open)
    }

    @Test func heartbeatIntervalIsConfigurable() {
        var policy = FeedConnectionPolicy()
        policy.heartbeatInterval = .seconds(5)
        var machine = machine(policy: policy)
        open(&machine, at: t0)
        #expect(machine.tick(now: t0 + .seconds(4)).isEmpty)
        #expect(machine.tick(now: t0 + .seconds(5)) == [.send("ping")])
    }

    @Test func noFrameForTwoIntervalsAbandonsTheConnectionAndBacksOff() {
        var machine = machine(fraction: 1)
        open(&machine, at: t0)
        machine.received(.message, now: t0 + .seconds(10))
        #expect(machine.tick(now: t0 + .seconds(40)) == [.send("ping")])
        #expect(machine.deadline == t0 + .seconds(70))
        #expect(machine.tick(now: t0 + .seconds(69)).isEmpty)
        #expect(machine.tick(now: t0 + .seconds(70)) == [.abandon])
        #expect(machine.state == .backingOff(until: t0 + .seconds(70) + .milliseconds(500)))
        #expect(machine.lastError == .silent(.seconds(60)))
        #expect(machine.connectedSince == nil)
    }

    @Test func anyFrameKeepsTheConnectionAliveButOnlyMessagesAreCounted() {
        var machine = machine()
        open(&machine, at: t0)
        machine.received(.control, now: t0 + .seconds(50))
        #expect(machine.tick(now: t0 + .seconds(60)) == [.send("ping")])
        #expect(machine.tick(now: t0 + .seconds(90)) == [.send("ping")])
        // 59 s after the last frame: pings went out unanswered, but one interval is not two.
        #expect(machine.tick(now: t0 + .seconds(109)).isEmpty)
        #expect(machine.state == .open)
        machine.received(.message, now: t0 + .seconds(109))
        machine.received(.message, now: t0 + .seconds(110))
        #expect(machine.messages == 2)
        #expect(machine.lastMessageAt == t0 + .seconds(110))
    }

    @Test func protocolCloseOrTransportErrorReconnectsWithBackoff() {
        var machine = machine(fraction: 0.5)
        open(&machine, at: t0)
        machine.failed(.connectionLost("closed with 1009: message too big"), now: t0 + .seconds(1))
        #expect(machine.state == .backingOff(until: t0 + .seconds(1) + .milliseconds(250)))
        #expect(machine.lastError?.description == "closed with 1009: message too big")
        #expect(machine.tick(now: t0 + .seconds(2)) == [.connect])
        machine.failed(.connectFailed("connection refused"), now: t0 + .seconds(2))
        #expect(machine.state == .backingOff(until: t0 + .seconds(2) + .milliseconds(500)))
    }

    @Test func stopClosesAnOpenConnectionWithGoingAwayAndIgnoresLaterEvents() {
        var machine = machine()
        open(&machine, at: t0)
        #expect(machine.stop(now: t0) == [.closeGoingAway])
        #expect(machine.state == .stopped)
        machine.failed(.connectionLost("x"), now: t0)
        #expect(machine.state == .stopped)
        #expect(machine.tick(now: t0 + .seconds(1000)).isEmpty)
        #expect(machine.deadline == nil)

        var waiting = self.machine()
        _ = waiting.start(now: t0)
        waiting.failed(.connectFailed("x"), now: t0)
        #expect(waiting.stop(now: t0).isEmpty)
    }

    @Test func statusTurnsInstantsIntoWallClockAndRedactsTheToken() {
        var machine = machine(fraction: 1)
        open(&machine, at: t0)
        machine.received(.message, now: t0 + .seconds(2))
        machine.failed(.connectionLost("peer said SECRET-1 and SECRET%2B1"), now: t0 + .seconds(3))
        let configuration = FeedConfiguration(source: .ratings, url: "wss://example.test/stream", token: "SECRET+1")
        let wall = Timestamp(millisecondsSinceEpoch: 1_000_000)
        let status = machine.status(of: configuration, now: t0 + .seconds(4), wallNow: wall)
        #expect(status.phase == .backingOff)
        #expect(status.lastMessageAt == Timestamp(millisecondsSinceEpoch: 998_000))
        // The connection delivered a message: a quick reconnect, 50 ms at most.
        #expect(status.retryAt == Timestamp(millisecondsSinceEpoch: 999_050))
        #expect(status.connectedSince == nil)
        #expect(status.messages == 1)
        #expect(status.hasConnected)
        #expect(status.url == "wss://example.test/stream")
        #expect(status.lastError == "peer said SECRET-1 and [redacted]")
        let short = FeedConfiguration(source: .ratings, token: "t")
        #expect(machine.status(of: short, now: t0, wallNow: wall).lastError == "peer said SECRET-1 and SECRET%2B1")
    }

    /// The consumer thread skips `tick` until `deadline`: that is only sound if a tick before
    /// the deadline never acts, open or backing off, and one at the deadline does.
    @Test func tickActsOnlyOnceTheDeadlineHasPassed() throws {
        var machine = machine(fraction: 1)
        open(&machine, at: t0)
        machine.received(.message, now: t0 + .seconds(3))
        let heartbeat = try #require(machine.deadline)
        #expect(machine.tick(now: t0 + .seconds(3)).isEmpty)
        #expect(machine.tick(now: heartbeat - .nanoseconds(1)).isEmpty)
        #expect(machine.state == .open)
        #expect(machine.tick(now: heartbeat) == [.send("ping")])
        machine.failed(.connectionLost("closed by peer"), now: heartbeat)
        let retry = try #require(machine.deadline)
        #expect(machine.tick(now: retry - .nanoseconds(1)).isEmpty)
        #expect(machine.tick(now: retry) == [.connect])
    }
}
