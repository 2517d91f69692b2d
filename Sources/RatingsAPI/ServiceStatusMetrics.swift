import LiveState
import ServiceMetrics

/// The numbers of `GET /status` as Prometheus families, read from the store's statistics and
/// the service's state when `/metrics` is scraped: the counters are the store's and the feeds'
/// own, exported as they stand, never counted a second time.
struct ServiceStatusMetrics: MetricsSource {
    /// Where the per-source counters and the sizes come from.
    let store: any StoreReading
    /// Mode, readiness, start time and the feed reports.
    let serviceState: @Sendable () -> ServiceState
    /// "Now", for the uptime.
    let clock: @Sendable () -> Timestamp

    /// Every family, in a fixed order; feed families are empty in demo mode.
    func collect(into exposition: inout PrometheusExposition) {
        let statistics = store.statistics()
        let state = serviceState()
        let now = clock()
        process(state, now: now, into: &exposition)
        sources(statistics, into: &exposition)
        sizes(statistics, into: &exposition)
        Self.feeds(state.feeds, into: &exposition)
    }

    private func process(_ state: ServiceState, now: Timestamp, into exposition: inout PrometheusExposition) {
        exposition.family("ratingsd_info", .gauge, help: "Always 1; the mode label says where the data comes from (demo or live).")
        exposition.sample("ratingsd_info", [("mode", state.mode.rawValue)], 1)
        exposition.family("ratingsd_ready", .gauge, help: "1 when /readyz answers 200, else 0.")
        exposition.sample("ratingsd_ready", state.ready ? 1 : 0)
        exposition.family("ratingsd_process_start_time_seconds", .gauge, help: "When the process started, in seconds since the Unix epoch.")
        exposition.sample("ratingsd_process_start_time_seconds", nanoseconds: Self.nanoseconds(state.startedAt))
        exposition.family("ratingsd_process_uptime_seconds", .gauge, help: "Seconds since the process started.")
        exposition.sample(
            "ratingsd_process_uptime_seconds",
            nanoseconds: max(0, Self.nanoseconds(now) - Self.nanoseconds(state.startedAt)))
    }

    /// The store's counters per source, every source always present.
    private func sources(_ statistics: StoreStatistics, into exposition: inout PrometheusExposition) {
        let counters = FeedSource.allCases.map { ($0.rawValue, statistics.sources[$0] ?? SourceCounters()) }
        let families: [(name: String, help: String, value: (SourceCounters) -> Int)] = [
            ("ratingsd_store_applied_total", "Changes that altered the store's state, by source.", \.applied),
            ("ratingsd_store_duplicates_total", "Messages already seen (same envelope id, or same record and version), by source.", \.duplicates),
            ("ratingsd_store_stale_total", "Updates older than the record held, ignored, by source.", \.stale),
            ("ratingsd_store_unknown_deletes_total", "Deletes of ids the store does not hold, by source.", \.unknownDeletes),
            ("ratingsd_store_dead_letters_total", "Messages that could not be decoded or applied, by source.", \.deadLetters),
        ]
        for family in families {
            exposition.family(family.name, .counter, help: family.help)
            for (source, counter) in counters { exposition.sample(family.name, [("source", source)], family.value(counter)) }
        }
        let name = "ratingsd_store_last_message_timestamp_seconds"
        exposition.family(name, .gauge, help: "When the last message of the source reached the store, in seconds since the Unix epoch; absent before the first.")
        for (source, counter) in counters {
            guard let time = counter.lastMessageAt else { continue }
            exposition.sample(name, [("source", source)], nanoseconds: Self.nanoseconds(time))
        }
    }

    private func sizes(_ statistics: StoreStatistics, into exposition: inout PrometheusExposition) {
        let sizes = [
            ("ratingsd_store_tickers", "Tickers the store knows.", statistics.tickerCount),
            ("ratingsd_store_ratings", "Ratings held.", statistics.ratingCount),
            ("ratingsd_store_insights", "Insights held.", statistics.insightCount),
            ("ratingsd_store_consensus", "Tickers with a consensus held.", statistics.consensusCount),
        ]
        for (name, help, value) in sizes {
            exposition.family(name, .gauge, help: help)
            exposition.sample(name, value)
        }
    }

    /// A timestamp in nanoseconds since the epoch (exact: milliseconds times a million).
    static func nanoseconds(_ time: Timestamp) -> Int64 {
        time.millisecondsSinceEpoch * 1_000_000
    }
}
