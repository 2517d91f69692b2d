/// Histogram series: cumulative `_bucket` lines, `_sum` and `_count`.
extension PrometheusExposition {
    /// Writes one series of the histogram family `name` (whose `family` line comes first):
    /// `name_bucket{labels...,le="bound"}` cumulative for every bound and `+Inf`, then
    /// `name_sum` in seconds and `name_count`. Bounds are nanoseconds, written as seconds.
    public mutating func histogram(
        _ name: String, _ labels: [(String, String)], bounds: [Int64], snapshot: HistogramSnapshot
    ) {
        precondition(snapshot.bucketCounts.count == bounds.count + 1, "a histogram snapshot has one count per bound and +Inf")
        let bucketName = name + "_bucket"
        var cumulative: UInt64 = 0
        for (index, count) in snapshot.bucketCounts.enumerated() {
            cumulative &+= count
            let bound = index < bounds.count ? Self.seconds(nanoseconds: bounds[index]) : "+Inf"
            sample(bucketName, labels + [("le", bound)], Int(truncatingIfNeeded: cumulative))
        }
        sample(name + "_sum", labels, nanoseconds: Int64(truncatingIfNeeded: snapshot.sumNanoseconds))
        sample(name + "_count", labels, Int(truncatingIfNeeded: cumulative))
    }
}
