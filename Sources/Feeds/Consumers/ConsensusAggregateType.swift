/// How the consensus stream reports its rating buckets (`aggregate_type` in the query).
public enum ConsensusAggregateType: String, Sendable, Equatable, CaseIterable {
    /// Analyst counts per bucket.
    case number
    /// Each bucket as a share of the total.
    case percentage
}
