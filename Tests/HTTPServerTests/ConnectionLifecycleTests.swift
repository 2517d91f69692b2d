import Testing
@testable import HTTPServer

@Suite struct ConnectionLifecycleTests {
    let timeouts: ConnectionLifecycle.Timeouts = {
        var limits = HTTPLimits()
        limits.headTimeout = .nanoseconds(10)
        limits.idleTimeout = .nanoseconds(60)
        limits.sendTimeout = .nanoseconds(30)
        limits.lingerTimeout = .nanoseconds(2)
        return ConnectionLifecycle.Timeouts(limits)
    }()

    @Test func aNewConnectionMustSendItsHeadWithinTheHeadTimeout() {
        let lifecycle = ConnectionLifecycle(acceptedAt: 100, timeouts: timeouts)
        #expect(lifecycle.phase == .receiving)
        #expect(lifecycle.deadline == 110)
        #expect(lifecycle.expiry(at: 109) == nil)
        #expect(lifecycle.expiry(at: 110) == .head)
    }

    @Test func bytesArrivingDoNotExtendTheHeadDeadline() {
        var lifecycle = ConnectionLifecycle(acceptedAt: 0, timeouts: timeouts)
        lifecycle.bytesReceived(at: 5)
        lifecycle.bytesReceived(at: 9)
        #expect(lifecycle.deadline == 10)
    }

    @Test func aCompletedRequestStartsTheIdleClockAndTheNextByteTheHeadClock() {
        var lifecycle = ConnectionLifecycle(acceptedAt: 0, timeouts: timeouts)
        lifecycle.requestCompleted(at: 5, nextRequestBuffered: false)
        #expect(lifecycle.phase == .idle)
        #expect(lifecycle.deadline == 65)
        #expect(lifecycle.expiry(at: 65) == .idle)
        lifecycle.bytesReceived(at: 20)
        #expect(lifecycle.phase == .receiving)
        #expect(lifecycle.deadline == 30)
    }

    @Test func aPipelinedRequestAlreadyBufferedGetsTheHeadClock() {
        var lifecycle = ConnectionLifecycle(acceptedAt: 0, timeouts: timeouts)
        lifecycle.requestCompleted(at: 5, nextRequestBuffered: true)
        #expect(lifecycle.phase == .receiving)
        #expect(lifecycle.deadline == 15)
    }

    @Test func streamingHasNoReadDeadlineButStalledOutputTimesOut() {
        var lifecycle = ConnectionLifecycle(acceptedAt: 0, timeouts: timeouts)
        lifecycle.streamStarted()
        #expect(lifecycle.deadline == nil)
        lifecycle.outputPending(at: 100, progressed: false)
        lifecycle.outputPending(at: 120, progressed: false)
        #expect(lifecycle.deadline == 130)
        lifecycle.outputPending(at: 125, progressed: true)
        #expect(lifecycle.deadline == 155)
        #expect(lifecycle.expiry(at: 155) == .send)
        lifecycle.outputDrained()
        #expect(lifecycle.deadline == nil)
    }

    @Test func aClosingConnectionLingersAfterItsLastResponse() {
        var lifecycle = ConnectionLifecycle(acceptedAt: 0, timeouts: timeouts)
        lifecycle.closeAfterOutput()
        #expect(lifecycle.phase == .closing)
        #expect(lifecycle.expiry(at: 1_000) == nil)
        lifecycle.lingerStarted(at: 50)
        #expect(lifecycle.phase == .lingering)
        #expect(lifecycle.expiry(at: 52) == .linger)
    }

    @Test func durationsConvertToNanosecondsSaturating() {
        #expect(Duration.milliseconds(1500).nanoseconds == 1_500_000_000)
        #expect(Duration.seconds(Int64.max).nanoseconds == .max)
    }
}
