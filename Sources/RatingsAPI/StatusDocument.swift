import LiveState

/// Renders `GET /status` from the store's counters and the service's own state; the shape is
/// the one SHAPES.md and openapi.yaml fix, every key always present.
enum StatusDocument {
    /// The JSON bytes of the status document at `now`.
    static func render(statistics: StoreStatistics, state: ServiceState, now: Timestamp) -> [UInt8] {
        var writer = JSONWriter(capacity: 768 + statistics.recentDeadLetters.count * 256)
        writer.beginObject()
        writer.key("status"); writer.string(state.ready ? "ok" : "not_ready")
        writer.key("mode"); writer.string(state.mode.rawValue)
        writer.key("started_at"); writer.timestamp(state.startedAt)
        writer.key("uptime_seconds")
        writer.seconds(milliseconds: max(0, now.millisecondsSinceEpoch - state.startedAt.millisecondsSinceEpoch))
        writer.key("ready"); writer.bool(state.ready)
        writer.key("readiness")
        writer.beginArray()
        for reason in state.readinessReasons { writer.string(reason) }
        writer.endArray()

        writer.key("sources")
        writer.beginObject()
        for source in FeedSource.allCases {
            let counters = statistics.sources[source] ?? SourceCounters()
            writer.key(source.rawValue)
            writer.beginObject()
            writer.key("applied"); writer.integer(counters.applied)
            writer.key("duplicates"); writer.integer(counters.duplicates)
            writer.key("stale"); writer.integer(counters.stale)
            writer.key("unknown_deletes"); writer.integer(counters.unknownDeletes)
            writer.key("dead_letters"); writer.integer(counters.deadLetters)
            writer.key("last_message_at"); writer.timestamp(counters.lastMessageAt)
            writer.endObject()
        }
        writer.endObject()

        writer.key("store")
        writer.beginObject()
        writer.key("tickers"); writer.integer(statistics.tickerCount)
        writer.key("ratings"); writer.integer(statistics.ratingCount)
        writer.key("insights"); writer.integer(statistics.insightCount)
        writer.key("consensus"); writer.integer(statistics.consensusCount)
        writer.endObject()

        writer.key("dead_letters")
        writer.beginArray()
        for letter in statistics.recentDeadLetters {
            writer.beginObject()
            writer.key("source"); writer.string(letter.source.rawValue)
            writer.key("reason"); writer.string(letter.reason)
            writer.key("excerpt"); writer.string(letter.excerpt)
            writer.key("received_at"); writer.timestamp(letter.receivedAt)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
