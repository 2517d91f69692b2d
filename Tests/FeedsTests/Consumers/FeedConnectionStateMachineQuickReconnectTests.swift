import Feeds
import Testing

/// After losing a connection that delivered data, the machine reconnects at once (small
/// jitter) so the upstream's 100-message replay covers the gap; repeated failures back off.
@Suite struct FeedConnectionStateMachineQuickReconnectTests {
    typealias Machine = FeedConnectionStateMachine
    let t0 = ContinuousClock.now

    /// A machine opened at `t0` whose jitter always draws `fraction`.
    func openMachine(fraction: Double, policy: FeedConnectionPolicy = FeedConnectionPolicy()) -> Machine {
        var machine = Machine(policy: policy, random: { fraction })
        _ = machine.start(now: t0)
        _ = machine.opened(now: t0)
        return machine
    }

    func pause(_ machine: Machine, after at: ContinuousClock.Instant) -> Duration? {
        if case .backingOff(let until) = machine.state { return until - at }
        return nil
    }

    @Test func aLostConnectionThatDeliveredDataReconnectsWithinTheQuickJitter() {
        var machine = openMachine(fraction: 0.5)
        machine.received(.message, now: t0 + .seconds(1))
        machine.failed(.connectionLost("closed by peer"), now: t0 + .seconds(2))
        #expect(pause(machine, after: t0 + .seconds(2)) == .milliseconds(25))
        #expect(machine.attempt == 0)
        #expect(machine.quickReconnects == 1)
        #expect(machine.tick(now: t0 + .seconds(2) + .milliseconds(25)) == [.connect])
    }

    @Test func aLostConnectionThatDeliveredNoDataBacksOffAsUsual() {
        var machine = openMachine(fraction: 1)
        machine.received(.control, now: t0 + .seconds(1))
        machine.failed(.connectionLost("closed by peer"), now: t0 + .seconds(2))
        #expect(pause(machine, after: t0 + .seconds(2)) == .milliseconds(500))
        #expect(machine.attempt == 1)
    }

    @Test func aFailedReconnectAfterAQuickOneBacksOffExponentially() {
        var machine = openMachine(fraction: 1)
        machine.received(.message, now: t0)
        machine.failed(.connectionLost("lost"), now: t0)
        _ = machine.tick(now: t0 + .seconds(1))
        machine.failed(.connectFailed("refused"), now: t0 + .seconds(1))
        #expect(pause(machine, after: t0 + .seconds(1)) == .milliseconds(500))
        _ = machine.tick(now: t0 + .seconds(2))
        machine.failed(.connectFailed("refused"), now: t0 + .seconds(2))
        #expect(pause(machine, after: t0 + .seconds(2)) == .seconds(1))
    }

    @Test func quickReconnectsInARowAreCappedUntilAConnectionIsStable() {
        var policy = FeedConnectionPolicy()
        policy.maxQuickReconnects = 2
        var machine = openMachine(fraction: 1, policy: policy)
        var now = t0
        var pauses: [Duration] = []
        for _ in 0..<4 {
            machine.received(.message, now: now)
            machine.failed(.connectionLost("dropped"), now: now)
            pauses.append(pause(machine, after: now)!)
            now += .seconds(1)
            _ = machine.tick(now: now)
            _ = machine.opened(now: now)
        }
        #expect(pauses == [.milliseconds(50), .milliseconds(50), .milliseconds(500), .seconds(1)])
        // Stable for a minute: the allowance and the exponent start over.
        for second in stride(from: 10, through: 60, by: 10) { machine.received(.message, now: now + .seconds(second)) }
        machine.failed(.connectionLost("dropped"), now: now + .seconds(60))
        #expect(pause(machine, after: now + .seconds(60)) == .milliseconds(50))
        #expect(machine.quickReconnects == 1)
    }

    @Test func aSilentConnectionIsNotReconnectedQuickly() {
        var machine = openMachine(fraction: 1)
        machine.received(.message, now: t0)
        #expect(machine.tick(now: t0 + .seconds(60)) == [.abandon])
        #expect(pause(machine, after: t0 + .seconds(60)) == .milliseconds(500))
    }
}
