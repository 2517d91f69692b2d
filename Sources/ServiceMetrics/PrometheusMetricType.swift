/// The `# TYPE` of a metric family.
public enum PrometheusMetricType: String, Sendable {
    /// Only goes up (until the process restarts); its name ends in `_total`.
    case counter
    /// Goes up and down: a size, a state, a timestamp.
    case gauge
    /// Cumulative `_bucket{le=...}` counts with `_sum` and `_count`.
    case histogram
}
