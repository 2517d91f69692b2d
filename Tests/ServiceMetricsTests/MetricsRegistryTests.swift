import CoreMetrics
import Prometheus
import Synchronization
import Testing
@testable import ServiceMetrics

/// Sources in registration order, then what swift-metrics recorded.
@Suite struct MetricsRegistryTests {
    private struct Fixed: MetricsSource {
        let name: String
        let value: Int
        func collect(into exposition: inout PrometheusExposition) {
            exposition.family(name, .gauge, help: "A fixed value.")
            exposition.sample(name, value)
        }
    }

    @Test func sourcesAreScrapedInRegistrationOrderEveryTime() {
        let registry = MetricsRegistry()
        registry.register(Fixed(name: "b", value: 2))
        registry.register(Fixed(name: "a", value: 1))
        let expected = "# HELP b A fixed value.\n# TYPE b gauge\nb 2\n# HELP a A fixed value.\n# TYPE a gauge\na 1\n"
        #expect(String(decoding: registry.scrape(), as: UTF8.self) == expected)
        #expect(String(decoding: registry.scrape(), as: UTF8.self) == expected)
    }

    @Test func aClosureSourceIsPolledOnEveryScrape() {
        let registry = MetricsRegistry()
        let counter = Counter()
        registry.register { exposition in
            exposition.family("ratingsd_polled", .gauge, help: "Polls.")
            exposition.sample("ratingsd_polled", counter.next())
        }
        #expect(String(decoding: registry.scrape(), as: UTF8.self).hasSuffix("ratingsd_polled 1\n"))
        #expect(String(decoding: registry.scrape(), as: UTF8.self).hasSuffix("ratingsd_polled 2\n"))
    }

    @Test func swiftMetricsHandlersAppearAfterTheSources() {
        let registry = MetricsRegistry()
        registry.register(Fixed(name: "first", value: 0))
        // The factory a bootstrap would install, used directly: bootstrapping is once per process.
        let factory = PrometheusMetricsFactory(registry: registry.prometheus)
        let handler = factory.makeCounter(label: "ratingsd_events_dropped_total", dimensions: [("reason", "slow")])
        handler.increment(by: 3)
        let text = String(decoding: registry.scrape(), as: UTF8.self)
        #expect(text.hasPrefix("# HELP first"))
        #expect(text.contains("# TYPE ratingsd_events_dropped_total counter\nratingsd_events_dropped_total{reason=\"slow\"} 3\n"))
    }

    /// A counter a `@Sendable` closure can bump.
    private final class Counter: Sendable {
        private let value = Synchronization.Atomic<Int>(0)
        func next() -> Int { value.add(1, ordering: .relaxed).newValue }
    }
}
