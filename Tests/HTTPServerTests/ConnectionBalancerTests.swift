@testable import HTTPServer
import Testing

/// The balancer's rule on its own: keep a connection while within the allowed imbalance, hand
/// it to the least-loaded loop past it.
struct ConnectionBalancerTests {
    @Test func aLoopKeepsConnectionsWhileWithinTheAllowedImbalance() {
        let balancer = ConnectionBalancer(loops: 2, maxImbalance: 4)
        balancer.publish(loop: 1, count: 0)
        #expect(balancer.destination(from: 0, holding: 4) == nil)
        #expect(balancer.destination(from: 0, holding: 5) == 1)
    }

    @Test func handingAConnectionOverCountsItAtTheReceiverAtOnce() {
        let balancer = ConnectionBalancer(loops: 2, maxImbalance: 4)
        #expect(balancer.destination(from: 0, holding: 5) == 1)
        #expect(balancer.counts == [0, 1])
        // 5 - 1 is within the allowance: the next accept stays.
        #expect(balancer.destination(from: 0, holding: 5) == nil)
    }

    @Test func theLeastLoadedLoopReceives() {
        let balancer = ConnectionBalancer(loops: 3, maxImbalance: 0)
        balancer.publish(loop: 0, count: 7)
        balancer.publish(loop: 1, count: 3)
        balancer.publish(loop: 2, count: 2)
        #expect(balancer.destination(from: 0, holding: 7) == 2)
        #expect(balancer.destination(from: 2, holding: 3) == nil)
    }

    @Test func withoutAnAllowanceOrWithOneLoopNothingIsHandedOver() {
        let reusePort = ConnectionBalancer(loops: 2, maxImbalance: nil)
        #expect(reusePort.destination(from: 0, holding: 1_000) == nil)
        let single = ConnectionBalancer(loops: 1, maxImbalance: 0)
        #expect(single.destination(from: 0, holding: 1_000) == nil)
    }

    @Test func publishedCountsAreReported() {
        let balancer = ConnectionBalancer(loops: 2, maxImbalance: nil)
        balancer.publish(loop: 0, count: 12)
        balancer.publish(loop: 1, count: 30)
        #expect(balancer.counts == [12, 30])
    }
}
