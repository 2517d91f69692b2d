import Feeds
import Testing

@Suite struct DemoPacerTests {
    private let second: UInt64 = 1_000_000_000

    @Test func sendsTheFirstMessageAtOnceThenOneEveryIntervalAtTwentyPerSecond() {
        var pacer = DemoPacer(rate: 20, now: 1_000)
        #expect(pacer.poll(now: 1_000) == .send(1))
        #expect(pacer.poll(now: 1_000) == .wait(nanoseconds: 50_000_000))
        #expect(pacer.poll(now: 1_000 + 49_999_999) == .wait(nanoseconds: 1))
        #expect(pacer.poll(now: 1_000 + 50_000_000) == .send(1))
        #expect(pacer.poll(now: 1_000 + 60_000_000) == .wait(nanoseconds: 40_000_000))
    }

    @Test func sendsEverythingDueAfterAShortDelay() {
        var pacer = DemoPacer(rate: 20, now: 0)
        #expect(pacer.poll(now: 0) == .send(1))
        #expect(pacer.poll(now: 175_000_000) == .send(3))
        #expect(pacer.poll(now: 175_000_000) == .wait(nanoseconds: 25_000_000))
    }

    @Test func keepsTheLongRunRateExact() {
        var pacer = DemoPacer(rate: 20, now: 0)
        var sent = 0
        var now: UInt64 = 0
        for _ in 0..<10_000 {
            switch pacer.poll(now: now) {
            case .send(let count): sent += count
            case .wait(let nanoseconds): now += nanoseconds
            case .paused: Issue.record("paused"); return
            }
            if now >= 60 * second { break }
        }
        #expect(sent == 20 * 60)
    }

    @Test func capsABurstAfterAStallAndResumesThePaceFromNow() {
        var pacer = DemoPacer(rate: 20, now: 0)
        #expect(pacer.poll(now: 0) == .send(1))
        #expect(pacer.poll(now: 3600 * second) == .send(20))
        #expect(pacer.poll(now: 3600 * second) == .wait(nanoseconds: 50_000_000))
        #expect(pacer.poll(now: 3600 * second + 50_000_000) == .send(1))
    }

    @Test func honoursAnExplicitBurstLimit() {
        var pacer = DemoPacer(rate: 1000, maxBurst: 5, now: 0)
        #expect(pacer.poll(now: 0) == .send(1))
        #expect(pacer.poll(now: second) == .send(5))
    }

    @Test func pausesOnAZeroNegativeOrNaNRate() {
        for rate in [0, -3, Double.nan, -Double.infinity] {
            var pacer = DemoPacer(rate: rate, now: 0)
            #expect(pacer.poll(now: 10 * second) == .paused)
        }
    }

    @Test func neverAsksForAZeroWaitWithFractionalRates() {
        var pacer = DemoPacer(rate: 3, now: 0)
        var now: UInt64 = 0
        var sent = 0
        while now < 10 * second {
            switch pacer.poll(now: now) {
            case .send(let count): sent += count
            case .wait(let nanoseconds):
                #expect(nanoseconds > 0)
                now += nanoseconds
            case .paused: Issue.record("paused"); return
            }
        }
        #expect(sent == 30)
    }

    @Test func aVanishinglySmallRateWaitsInsteadOfOverflowing() {
        var pacer = DemoPacer(rate: 1e-15, now: 0)
        #expect(pacer.poll(now: 0) == .send(1))
        #expect(pacer.poll(now: 1) == .wait(nanoseconds: 1_000_000_000_000_000_000))
    }
}
