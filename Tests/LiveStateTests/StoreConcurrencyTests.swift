import Foundation
import Synchronization
import Testing
import LiveState

/// Readers on several threads while the writer applies: every document read is complete and
/// consistent, and versions never go back.
@Suite struct StoreConcurrencyTests {
    typealias F = TestFixtures

    /// Runs `body` on a new thread and returns a semaphore signalled when it ends.
    private func onThread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done
    }

    @Test func readersSeeOnlyCompleteDocumentsWhileTheWriterApplies() throws {
        let store = Store(limits: StoreLimits(ratingsPerTicker: 20, ratingsOverall: 200))
        let writing = Atomic<Bool>(true)
        let problems = Mutex<[String]>([])
        let reads = Atomic<Int>(0)
        let writer = onThread {
            for index in 0..<3_000 {
                // Each consensus carries target = 10 x value, so a torn document would show.
                var consensus = F.consensus("T\(index % 5)", updated: Int64(index))
                consensus.consensusRatingValue = Double(index)
                consensus.consensusPriceTarget = Double(index * 10)
                F.apply(store, .consensus(consensus))
                F.apply(store, .rating(.created, F.rating(
                    "r\(index)", ticker: "T\(index % 5)", date: "2024-10-10", updated: Int64(index))))
            }
            writing.store(false, ordering: .releasing)
        }
        let readers = (0..<3).map { reader in
            onThread {
                var lastVersions: [String: UInt64] = [:]
                var count = 0
                let started = Date()
                while writing.load(ordering: .acquiring) || count < 100, Date().timeIntervalSince(started) < 60 {
                    let ticker = "T\(count % 5)"
                    count += 1
                    if let document = store.consensusDocument(ticker: ticker) {
                        guard let object = F.object(document.json),
                              let value = object["consensus_rating_val"] as? Double,
                              object["consensus_price_target"] as? Double == value * 10 else {
                            problems.withLock { $0.append("torn consensus \(F.text(document.json))") }
                            continue
                        }
                        if document.version < lastVersions[ticker, default: 0] {
                            problems.withLock { $0.append("consensus version went back on reader \(reader)") }
                        }
                        lastVersions[ticker] = document.version
                    }
                    if let document = store.tickerDocument(ticker: ticker) {
                        guard let object = F.object(document.json), let ratings = object["ratings"] as? [Any],
                              let total = object["ratings_count"] as? Int, ratings.count == min(total, 10) else {
                            problems.withLock { $0.append("torn ticker document") }
                            continue
                        }
                    }
                    let page = store.ratings(RecordQuery(tickers: [ticker], limit: 5))
                    if page.items.contains(where: { F.object($0) == nil }) {
                        problems.withLock { $0.append("invalid rating in page") }
                    }
                    if F.object(store.tickersDocument().json) == nil {
                        problems.withLock { $0.append("invalid ticker list") }
                    }
                }
                reads.add(count, ordering: .relaxed)
            }
        }
        #expect(writer.wait(timeout: .now() + 120) == .success)
        for reader in readers { #expect(reader.wait(timeout: .now() + 120) == .success) }
        #expect(problems.withLock { $0 }.isEmpty)
        #expect(reads.load(ordering: .relaxed) >= 300)
        #expect(store.statistics().sources[.ratings]?.applied == 3_000)
        #expect(store.statistics().ratingCount == 100)
    }
}
