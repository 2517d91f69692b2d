import ServiceMetrics

/// The state of `GET /events` as Prometheus families, from the same snapshot `/status` shows,
/// read when `/metrics` is scraped: subscribers, refusals, slow-client drops, queue depth and the
/// event log's window.
struct EventStreamMetrics: MetricsSource {
    /// The fan-out whose statistics are exported.
    let events: EventFanout

    /// Every family, in a fixed order.
    func collect(into exposition: inout PrometheusExposition) {
        let statistics = events.statistics
        let families: [(name: String, type: PrometheusMetricType, help: String, value: Int)] = [
            ("ratingsd_events_subscribers", .gauge, "GET /events streams open now.", statistics.subscribers),
            ("ratingsd_events_max_subscribers", .gauge, "The configured cap on open GET /events streams.", statistics.maxSubscribers),
            ("ratingsd_events_rejected_subscribers_total", .counter, "GET /events requests refused with 503 because the cap was reached.", statistics.rejectedSubscribers),
            ("ratingsd_events_overflow_disconnects_total", .counter, "Streams disconnected for reading too slowly (their output buffer overflowed); they can resume.", statistics.overflowDisconnects),
            ("ratingsd_events_stalled_disconnects_total", .counter, "Streams disconnected because their pending output made no progress for the send timeout; they can resume.", statistics.stalledDisconnects),
            ("ratingsd_events_queued_bytes", .gauge, "Bytes written for subscribers that their connections have not sent yet.", statistics.queuedBytes),
            ("ratingsd_events_published_total", .counter, "Events handed to the event loops (only while someone subscribes).", statistics.eventsPublished),
            ("ratingsd_events_log_events", .gauge, "Events the resume log holds.", statistics.logCount),
            ("ratingsd_events_log_capacity", .gauge, "Events the resume log holds at most (--event-log-size).", statistics.logCapacity),
        ]
        for family in families {
            exposition.family(family.name, family.type, help: family.help)
            exposition.sample(family.name, family.value)
        }
        exposition.family("ratingsd_events_last_id", .gauge, help: "The newest event id issued; absent before the first event.")
        if let last = statistics.lastID { exposition.sample("ratingsd_events_last_id", Int(clamping: last)) }
    }
}
