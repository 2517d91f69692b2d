import Synchronization

/// Keeps one shared listener's connections from piling up on one event loop.
///
/// With a shared listener the kernel wakes an idle loop for each new connection, and it tends
/// to wake the same one: a burst of connections, or a steady few, stays on one loop with warm
/// caches and leaves the other cores to the rest of the machine (nginx behaves the same). Past
/// `maxImbalance` connections more than the least-loaded loop, the accepting loop hands new
/// connections to that loop instead, so thousands of long-lived streams still spread over every
/// core. Counts are published by each loop once per wakeup, so a decision may be a few
/// connections stale; the bound is approximate by that much, never unbounded. With
/// `SO_REUSEPORT` listeners the kernel decides alone and the counts are only reported.
final class ConnectionBalancer: Sendable {
    /// One loop's published connection count.
    private final class LoopLoad: Sendable {
        let connections = Atomic<Int>(0)
    }

    private let loads: [LoopLoad]
    /// Connections a loop may hold beyond the least-loaded loop before it hands new ones
    /// over; nil: never hand over.
    let maxImbalance: Int?

    /// A balancer for `loops` event loops.
    init(loops: Int, maxImbalance: Int?) {
        loads = (0..<max(1, loops)).map { _ in LoopLoad() }
        self.maxImbalance = maxImbalance.map { max(0, $0) }
    }

    /// Every loop's last published connection count, by loop index.
    var counts: [Int] {
        loads.map { $0.connections.load(ordering: .relaxed) }
    }

    /// Records that `loop` now holds `count` connections.
    func publish(loop: Int, count: Int) {
        loads[loop].connections.store(count, ordering: .relaxed)
    }

    /// The loop that should take a connection `loop` (holding `count`) just accepted, or nil
    /// to keep it; the chosen loop's count is raised at once so one accept batch does not
    /// pour every connection onto it.
    func destination(from loop: Int, holding count: Int) -> Int? {
        guard let maxImbalance, loads.count > 1 else { return nil }
        var least = loop
        var leastCount = count
        for (index, load) in loads.enumerated() where index != loop {
            let other = load.connections.load(ordering: .relaxed)
            if other < leastCount { (least, leastCount) = (index, other) }
        }
        guard least != loop, count - leastCount > maxImbalance else { return nil }
        loads[least].connections.add(1, ordering: .relaxed)
        return least
    }
}
