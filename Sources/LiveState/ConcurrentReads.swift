#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Reader threads hammering `consensusDocument(ticker:)` for the benchmark: plain pthreads, as
/// the HTTP event loops are, not Swift tasks.
enum ConcurrentReads {
    /// What each reader thread needs; it owns its own count until joined.
    private final class Reader: Sendable {
        let store: Store
        let ticker: String
        let deadline: Double
        let reads = Atomic<Int>(0)
        /// Bytes seen, published so the optimiser cannot drop the reads.
        let bytesSeen = Atomic<Int>(0)

        /// A reader that stops at `deadline` (monotonic seconds).
        init(store: Store, ticker: String, deadline: Double) {
            self.store = store
            self.ticker = ticker
            self.deadline = deadline
        }

        /// Reads until the deadline, then publishes its count.
        func loop() {
            var count = 0
            var bytes = 0
            // Check the clock every 1 024 reads so the clock does not dominate the loop.
            while true {
                for _ in 0..<1_024 {
                    if let document = store.consensusDocument(ticker: ticker) { bytes &+= document.json.count }
                }
                count += 1_024
                if StoreBenchmark.monotonicSeconds() >= deadline { break }
            }
            reads.store(count, ordering: .relaxed)
            bytesSeen.store(bytes, ordering: .relaxed)
        }
    }

    /// Runs `threads` readers for `seconds`; returns reads done and the wall time taken.
    static func run(store: Store, ticker: String, threads: Int, seconds: Double) -> (reads: Int, seconds: Double) {
        let start = StoreBenchmark.monotonicSeconds()
        let readers = (0..<max(1, threads)).map { _ in Reader(store: store, ticker: ticker, deadline: start + seconds) }
        var handles: [pthread_t] = []
        for reader in readers {
            var handle = pthread_t()
            let context = Unmanaged.passRetained(reader).toOpaque()
            let result = pthread_create(&handle, nil, { raw in
                guard let raw else { return nil }
                Unmanaged<Reader>.fromOpaque(raw).takeRetainedValue().loop()
                return nil
            }, context)
            if result == 0 { handles.append(handle) } else { Unmanaged<Reader>.fromOpaque(context).release() }
        }
        for handle in handles { pthread_join(handle, nil) }
        let elapsed = StoreBenchmark.monotonicSeconds() - start
        return (readers.reduce(0) { $0 + $1.reads.load(ordering: .relaxed) }, elapsed)
    }
}
