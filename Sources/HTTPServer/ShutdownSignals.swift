import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into one call of `handler` on a dispatch queue, so shutdown runs as
/// ordinary code instead of inside a signal handler. A second signal while shutting down is
/// ignored; the graceful shutdown has its own deadline.
public final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]

    /// Starts watching; the handler runs at most once, on `queue`.
    public init(queue: DispatchQueue = DispatchQueue(label: "shutdown-signals"), handler: @escaping @Sendable (Int32) -> Void) {
        let once = OnceFlag()
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
