#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A benchmark of the store the lead (or `make bench`) can call: apply throughput with
/// rendering, hot-path reads per second from several threads, and memory per 100k ratings.
///
/// Not a test: timings depend on the machine and on what else runs. Build in release mode.
public enum StoreBenchmark {
    /// What one run measured.
    public struct Report: Sendable, CustomStringConvertible {
        /// Rating messages applied (each rendered and indexed), and how long that took, in wall
        /// time and in CPU time of the applying thread (which other load on the machine does
        /// not inflate).
        public var ratingsApplied: Int
        /// Wall time of the applies.
        public var applySeconds: Double
        /// CPU time of the applying thread.
        public var applyCPUSeconds: Double
        /// CPU time rendering the same ratings' JSON alone took (the share of apply spent
        /// outside the lock).
        public var renderSeconds: Double
        /// `consensusDocument(ticker:)` calls completed by all reader threads together.
        public var reads: Int
        /// Wall time the readers ran.
        public var readSeconds: Double
        /// Reader threads used.
        public var readerThreads: Int
        /// Resident memory grown while the store filled (0 where it cannot be read).
        public var residentBytesGrowth: Int
        /// Ratings held at the end (bounded by the limits).
        public var ratingsHeld: Int

        /// Applies per second of wall time.
        public var appliesPerSecond: Double { Double(ratingsApplied) / applySeconds }
        /// Applies per second of the applying thread's CPU time.
        public var appliesPerCPUSecond: Double { Double(ratingsApplied) / applyCPUSeconds }
        /// Reads per second over all reader threads.
        public var readsPerSecond: Double { Double(reads) / readSeconds }

        /// One line with every figure.
        public var description: String {
            let mib = Double(residentBytesGrowth) / 1_048_576
            return "apply: \(Int(appliesPerSecond)) ratings/s wall, \(Int(appliesPerCPUSecond)) per CPU second "
                + "(\(ratingsApplied) in \(applySeconds) s, "
                + "of which rendering the records alone \(renderSeconds) s); "
                + "consensusDocument: \(Int(readsPerSecond)) reads/s on \(readerThreads) threads; "
                + "memory: \(Int(mib)) MiB resident growth for \(ratingsHeld) ratings held"
        }
    }

    /// Applies `ratings` distinct ratings spread over `tickers` tickers (timing the applies
    /// only, messages are built first), then reads a consensus document from `readerThreads`
    /// threads for `readSeconds`.
    public static func run(
        ratings: Int = 100_000, tickers: Int = 500, readerThreads: Int = 2, readSeconds: Double = 1,
        limits: StoreLimits = StoreLimits()
    ) -> Report {
        let store = Store(limits: limits)
        let messages = (0..<ratings).map { sampleRating(index: $0, of: ratings, tickers: tickers) }
        let renderStart = threadCPUSeconds()
        var rendered = 0
        for message in messages {
            if case .rating(_, let rating) = message.change { rendered &+= rating.renderedJSON().count }
        }
        let renderSeconds = threadCPUSeconds() - renderStart + (rendered == 0 ? 1e-9 : 0)
        for index in 0..<tickers {
            var consensus = Consensus(ticker: ticker(index))
            consensus.consensusRating = "Buy"
            consensus.consensusPriceTarget = 100 + Double(index)
            store.apply(FeedMessage(source: .consensus, envelopeID: nil, change: .consensus(consensus)),
                        receivedAt: Timestamp(millisecondsSinceEpoch: 1_728_000_000_000))
        }
        let residentBefore = residentBytes()
        let start = monotonicSeconds()
        let cpuStart = threadCPUSeconds()
        for message in messages {
            store.apply(message, receivedAt: Timestamp(millisecondsSinceEpoch: 1_728_000_000_000))
        }
        let applyCPUSeconds = threadCPUSeconds() - cpuStart
        let applySeconds = monotonicSeconds() - start
        let residentGrowth = max(0, residentBytes() - residentBefore)
        let (reads, readTime) = ConcurrentReads.run(
            store: store, ticker: ticker(0), threads: readerThreads, seconds: readSeconds)
        return Report(
            ratingsApplied: ratings, applySeconds: applySeconds, applyCPUSeconds: applyCPUSeconds, renderSeconds: renderSeconds, reads: reads, readSeconds: readTime,
            readerThreads: readerThreads, residentBytesGrowth: residentGrowth,
            ratingsHeld: store.statistics().ratingCount)
    }

    /// A typical rating as the feed decoder produces it.
    static func sampleRating(index: Int, of total: Int, tickers: Int) -> FeedMessage {
        var rating = Rating(id: "66fffdc08f3f63\(100_000_000 + index)", ticker: ticker(index % max(1, tickers)))
        rating.name = "Company \(index % max(1, tickers))"
        rating.exchange = "NASDAQ"
        rating.currency = "USD"
        // Roughly chronological, as a live feed delivers them: 20 days, each in order of time,
        // with every 7th rating arriving late (a day behind) to exercise inserts mid-list.
        let day = 10 + index * 20 / max(1, total) - (index % 7 == 0 && index * 20 / max(1, total) > 0 ? 1 : 0)
        let secondOfDay = index % max(1, total / 20) * 36_000 / max(1, total / 20)
        rating.date = "2024-10-\(day)"
        rating.time = "\(10 + secondOfDay / 3600):\(10 + secondOfDay / 60 % 50):\(10 + secondOfDay % 50)"
        rating.actionCompany = index % 3 == 0 ? "Upgrades" : "Maintains"
        rating.actionPriceTarget = "Raises"
        rating.ratingCurrent = "Buy"
        rating.ratingPrior = "Neutral"
        rating.priceTargetCurrent = 200
        rating.priceTargetPrior = 180
        rating.firm = "Goldman Sachs"
        rating.firmID = "57f832ab6b87f600016fa383"
        rating.importance = index % 6
        rating.url = "https://www.benzinga.com/quote/AAPL/analyst-ratings"
        rating.updated = Timestamp(millisecondsSinceEpoch: 1_728_069_666_000 + Int64(index) * 1000)
        rating.timestamp = rating.updated
        return FeedMessage(source: .ratings, envelopeID: "envelope-\(index)", change: .rating(.created, rating))
    }

    /// The benchmark's ticker names: `T0`, `T1`, ...
    static func ticker(_ index: Int) -> String { "T\(index)" }

    /// CPU time of the calling thread.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// A monotonic clock in seconds.
    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Resident set size from `/proc/self/statm` (its second field, in pages); 0 where there
    /// is no such file.
    static func residentBytes() -> Int {
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let fields = buffer[0..<count].split(separator: UInt8(ascii: " "))
        guard fields.count >= 2, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
