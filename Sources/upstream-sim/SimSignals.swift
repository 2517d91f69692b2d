import Dispatch
import Glibc
import Synchronization

/// Turns the first SIGINT or SIGTERM into one call of `handler` on a dispatch queue, so the
/// shutdown runs as ordinary code rather than inside a signal handler.
final class SimSignals {
    private let sources: [any DispatchSourceSignal]

    /// Starts watching; the handler runs at most once.
    init(handler: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "upstream-sim.signals")
        let once = Once()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if once.claim() { handler(number) }
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}

/// A flag that can be claimed once, from any thread.
private final class Once: Sendable {
    private let flag = Atomic<Bool>(false)

    /// True for the first caller only.
    func claim() -> Bool {
        flag.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
    }
}
