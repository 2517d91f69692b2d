/// The merged counts of one histogram series at one scrape.
public struct HistogramSnapshot: Sendable, Equatable {
    /// Observations per bucket, not cumulative: one per bound, then the ones above every bound.
    public var bucketCounts: [UInt64]
    /// The sum of all observations, in nanoseconds.
    public var sumNanoseconds: UInt64

    /// A snapshot of the given counts.
    public init(bucketCounts: [UInt64], sumNanoseconds: UInt64) {
        self.bucketCounts = bucketCounts
        self.sumNanoseconds = sumNanoseconds
    }

    /// All observations (the `+Inf` bucket and `_count`).
    public var count: UInt64 { bucketCounts.reduce(0, &+) }
}
