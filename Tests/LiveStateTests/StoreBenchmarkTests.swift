import Foundation
import Testing
import LiveState

/// Runs the store benchmark only when asked (`RATINGSD_BENCH=1`): timings are for people to
/// read, never assertions. Build in release mode for meaningful numbers.
@Suite struct StoreBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RATINGSD_BENCH"] == "1"))
    func reportsApplyReadAndMemoryFigures() {
        let report = StoreBenchmark.run()
        print("StoreBenchmark:", report)
        #expect(report.ratingsHeld == 100_000)
        let bare = StoreBenchmark.run(readSeconds: 0.1, limits: StoreLimits(latestInTickerDocument: 0))
        print("StoreBenchmark without records in ticker documents:", bare)
    }

    @Test func aSmallRunFillsTheStore() {
        let report = StoreBenchmark.run(ratings: 300, tickers: 7, readerThreads: 2, readSeconds: 0.05)
        #expect(report.ratingsHeld == 300)
        #expect(report.reads > 0)
    }
}
