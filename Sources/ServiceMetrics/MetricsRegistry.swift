import CoreMetrics
import Prometheus
import Synchronization

/// Everything `GET /metrics` shows: the registered sources, polled in registration order at
/// scrape time, then whatever was recorded through swift-metrics into `prometheus`.
///
/// Two ways in, for two kinds of numbers:
/// - a value a component already keeps (a count, a size, a queue depth) is read at scrape time
///   by a `MetricsSource`: no extra work where the value changes;
/// - an event that nothing else counts can be recorded as it happens through the swift-metrics
///   API (`Counter(label:dimensions:)`, `Gauge`, `Timer`) once `bootstrapSwiftMetrics()` ran,
///   or straight into `prometheus` (`makeCounter(name:labels:help:)`, which also takes HELP
///   text). Those handlers are swift-prometheus's: atomics, and a lock per histogram
///   observation, so keep them off per-request paths.
public final class MetricsRegistry: Sendable {
    /// The swift-prometheus registry behind the swift-metrics API; emitted after the sources.
    public let prometheus: PrometheusCollectorRegistry
    /// Registered sources, in scrape order; the lock is taken on register and once per scrape.
    private let sources = Mutex<[any MetricsSource]>([])
    /// The size of the last scrape, so the next one reserves its buffer at once.
    private let lastSize = Atomic<Int>(4096)

    /// A registry with no sources, over `prometheus` (a fresh one by default, so tests never
    /// share state through swift-prometheus's process-wide default registry).
    public init(prometheus: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.prometheus = prometheus
    }

    /// Adds `source` to every later scrape, after the sources registered before it.
    public func register(_ source: any MetricsSource) {
        sources.withLock { $0.append(source) }
    }

    /// Adds a closure to every later scrape.
    public func register(_ collect: @escaping @Sendable (inout PrometheusExposition) -> Void) {
        register(MetricsCollector(collect))
    }

    /// The whole exposition: each source's families, then swift-prometheus's.
    public func scrape() -> [UInt8] {
        let current = sources.withLock { $0 }
        var exposition = PrometheusExposition(capacity: lastSize.load(ordering: .relaxed) + 1024)
        for source in current { source.collect(into: &exposition) }
        var recorded: [UInt8] = []
        prometheus.emit(into: &recorded)
        exposition.append(formatted: recorded)
        lastSize.store(exposition.bytes.count, ordering: .relaxed)
        return exposition.bytes
    }

    /// Routes the swift-metrics API of the whole process into `prometheus`.
    ///
    /// swift-metrics allows one bootstrap per process (a second traps), so only the
    /// executable calls this, once, before anything creates a metric.
    public func bootstrapSwiftMetrics() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: prometheus))
    }
}
