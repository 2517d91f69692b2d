import Testing
@testable import ServiceMetrics

/// Bucket placement, shard merging and the per-series snapshot.
@Suite struct ShardedHistogramTests {
    private func table(shards: Int = 2) -> ShardedHistogram {
        ShardedHistogram(bounds: [.microseconds(100), .milliseconds(1)], rows: 2, columns: 3, shards: shards)
    }

    @Test func anObservationEqualToABoundFallsInThatBucket() {
        let histogram = table()
        histogram.record(shard: 0, row: 0, column: 0, nanoseconds: 100_000)
        histogram.record(shard: 0, row: 0, column: 0, nanoseconds: 100_001)
        histogram.record(shard: 0, row: 0, column: 0, nanoseconds: 1_000_001)
        #expect(histogram.snapshot(row: 0, column: 0) == HistogramSnapshot(bucketCounts: [1, 1, 1], sumNanoseconds: 1_200_002))
    }

    @Test func shardsAreMergedAndSeriesKeptApart() {
        let histogram = table()
        histogram.record(shard: 0, row: 1, column: 2, nanoseconds: 50)
        histogram.record(shard: 1, row: 1, column: 2, nanoseconds: 70)
        histogram.record(shard: 1, row: 1, column: 1, nanoseconds: 5_000_000)
        #expect(histogram.snapshot(row: 1, column: 2) == HistogramSnapshot(bucketCounts: [2, 0, 0], sumNanoseconds: 120))
        #expect(histogram.snapshot(row: 1, column: 1).bucketCounts == [0, 0, 1])
        #expect(histogram.snapshot(row: 0, column: 0).count == 0)
    }

    @Test func aShardIndexBeyondTheShardCountWrapsAround() {
        let histogram = table(shards: 2)
        histogram.record(shard: 5, row: 0, column: 1, nanoseconds: 10)
        #expect(histogram.snapshot(row: 0, column: 1).count == 1)
    }

    @Test func negativeDurationsCountAsZero() {
        let histogram = table()
        histogram.record(shard: 0, row: 0, column: 0, nanoseconds: -5)
        #expect(histogram.snapshot(row: 0, column: 0) == HistogramSnapshot(bucketCounts: [1, 0, 0], sumNanoseconds: 0))
    }

    @Test func concurrentWritersOnSeparateShardsLoseNothing() async {
        let histogram = table(shards: 4)
        await withTaskGroup(of: Void.self) { group in
            for shard in 0..<4 {
                group.addTask {
                    for _ in 0..<10_000 { histogram.record(shard: shard, row: 0, column: 0, nanoseconds: 1) }
                }
            }
        }
        #expect(histogram.snapshot(row: 0, column: 0) == HistogramSnapshot(bucketCounts: [40_000, 0, 0], sumNanoseconds: 40_000))
    }
}
