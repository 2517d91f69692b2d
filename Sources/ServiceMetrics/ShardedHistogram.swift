import Synchronization

/// A table of latency histograms (rows × columns, e.g. route × status) kept in one shard per
/// writing thread, merged only when scraped.
///
/// The request path records into the shard of its own event loop: two relaxed atomic adds on
/// memory no other loop writes, so no lock, no contended cache line and no allocation per
/// observation. Shards start on 64-byte boundaries of their own. The atomics keep a shard
/// correct even when two threads share it (a shard index beyond `shards` wraps around) and let
/// a scrape on another thread read it without a data race.
///
/// `@unchecked Sendable`: `cells` is written only through `Atomic` operations and freed in
/// `deinit`, when no other reference exists.
public final class ShardedHistogram: @unchecked Sendable {
    /// Bucket upper bounds in nanoseconds, ascending; an observation equal to a bound falls in
    /// that bucket (Prometheus' `le`).
    public let bounds: [Int64]
    /// Rows of the table (e.g. routes).
    public let rows: Int
    /// Columns of the table (e.g. status codes).
    public let columns: Int
    /// Shards allocated; `record(shard:...)` wraps larger indices.
    public let shards: Int

    /// Cells per series: one per bound, one for `+Inf`, one for the sum of nanoseconds.
    private let seriesStride: Int
    /// Cells per shard, rounded up to whole cache lines.
    private let shardStride: Int
    private let cells: UnsafeMutablePointer<Atomic<UInt64>>

    /// A table of `rows × columns` histograms over `bounds` (strictly ascending, positive),
    /// in `shards` shards (one per event loop).
    public init(bounds: [Duration], rows: Int, columns: Int, shards: Int) {
        precondition(rows >= 1 && columns >= 1 && shards >= 1, "a histogram table needs a row, a column and a shard")
        let nanoseconds = bounds.map { Self.nanoseconds($0) }
        precondition(!nanoseconds.isEmpty && nanoseconds.first! > 0, "histogram bounds must be positive")
        precondition(zip(nanoseconds, nanoseconds.dropFirst()).allSatisfy { $0 < $1 }, "histogram bounds must ascend")
        self.bounds = nanoseconds
        self.rows = rows
        self.columns = columns
        self.shards = shards
        seriesStride = nanoseconds.count + 2
        let cellsPerLine = 64 / MemoryLayout<UInt64>.stride
        shardStride = (rows * columns * seriesStride + cellsPerLine - 1) / cellsPerLine * cellsPerLine
        let count = shardStride * shards
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Atomic<UInt64>>.stride, alignment: 64)
        cells = raw.bindMemory(to: Atomic<UInt64>.self, capacity: count)
        for index in 0..<count { (cells + index).initialize(to: Atomic(0)) }
    }

    deinit {
        cells.deinitialize(count: shardStride * shards)
        UnsafeMutableRawPointer(cells).deallocate()
    }

    /// Counts one observation of `nanoseconds` (negative counts as zero) in `row`, `column`.
    @inline(__always)
    public func record(shard: Int, row: Int, column: Int, nanoseconds: Int64) {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "histogram cell out of range")
        let series = (shard < shards ? shard : shard % shards) * shardStride + (row * columns + column) * seriesStride
        var bucket = 0
        while bucket < bounds.count && nanoseconds > bounds[bucket] { bucket += 1 }
        cells[series + bucket].wrappingAdd(1, ordering: .relaxed)
        cells[series + bounds.count + 1].wrappingAdd(UInt64(max(0, nanoseconds)), ordering: .relaxed)
    }

    /// The merged counts of one series over all shards.
    ///
    /// Concurrent observations may land between two loads, so `sumNanoseconds` can run a
    /// request ahead of the buckets; `count` is the buckets' total, so it always agrees with
    /// the `+Inf` bucket.
    public func snapshot(row: Int, column: Int) -> HistogramSnapshot {
        let series = (row * columns + column) * seriesStride
        var buckets = [UInt64](repeating: 0, count: bounds.count + 1)
        var sum: UInt64 = 0
        for shard in 0..<shards {
            let base = shard * shardStride + series
            for bucket in buckets.indices { buckets[bucket] &+= cells[base + bucket].load(ordering: .relaxed) }
            sum &+= cells[base + bounds.count + 1].load(ordering: .relaxed)
        }
        return HistogramSnapshot(bucketCounts: buckets, sumNanoseconds: sum)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
