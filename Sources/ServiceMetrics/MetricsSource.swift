/// Something that contributes metric families to every scrape of `GET /metrics`.
///
/// The hook for any component that wants to be seen in `/metrics`: implement `collect(into:)`
/// and `register` it on the process's `MetricsRegistry`. It is polled on the scraping request's
/// event loop thread, so it must be quick and must not block: read counters the component
/// keeps anyway (atomics, a snapshot), and write them as gauges and counters. Nothing is added
/// to the component's hot path, and a value is never counted twice.
public protocol MetricsSource: Sendable {
    /// Writes this source's families (each `family` line followed by its samples).
    func collect(into exposition: inout PrometheusExposition)
}

/// A `MetricsSource` made of a closure, for components that need no type of their own.
public struct MetricsCollector: MetricsSource {
    private let body: @Sendable (inout PrometheusExposition) -> Void

    /// A source that runs `body` on every scrape.
    public init(_ body: @escaping @Sendable (inout PrometheusExposition) -> Void) {
        self.body = body
    }

    /// Runs the closure.
    public func collect(into exposition: inout PrometheusExposition) {
        body(&exposition)
    }
}
