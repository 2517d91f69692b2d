import LiveState

/// Renders `GET /status` from the store's counters and the service's own state; the shape is
/// the one SHAPES.md and openapi.yaml fix, every key always present.
enum StatusDocument {
    /// The JSON bytes of the status document at `now`; `events` adds the `events` member.
    static func render(statistics: StoreStatistics, state: ServiceState, now: Timestamp, events: EventStreamStatistics? = nil) -> [UInt8] {
        var json = JSONWriter(capacity: 768 + statistics.recentDeadLetters.count * 256 + state.feeds.count * 384)
        json.raw("{\"status\":"); json.string(state.ready ? "ok" : "not_ready")
        json.raw(",\"mode\":"); json.string(state.mode.rawValue)
        json.raw(",\"started_at\":"); json.timestamp(state.startedAt)
        json.raw(",\"uptime_seconds\":")
        json.seconds(milliseconds: max(0, now.millisecondsSinceEpoch - state.startedAt.millisecondsSinceEpoch))
        json.raw(",\"ready\":"); json.bool(state.ready)
        json.raw(",\"readiness\":"); json.stringArray(state.readinessReasons)
        json.raw(",\"feeds\":"); renderFeeds(state.feeds, into: &json)

        json.raw(",\"sources\":{")
        for (index, source) in FeedSource.allCases.enumerated() {
            let counters = statistics.sources[source] ?? SourceCounters()
            if index > 0 { json.comma() }
            json.key(escaping: source.rawValue)
            json.raw("{\"applied\":"); json.integer(counters.applied)
            json.raw(",\"duplicates\":"); json.integer(counters.duplicates)
            json.raw(",\"stale\":"); json.integer(counters.stale)
            json.raw(",\"unknown_deletes\":"); json.integer(counters.unknownDeletes)
            json.raw(",\"dead_letters\":"); json.integer(counters.deadLetters)
            json.raw(",\"last_message_at\":"); json.timestamp(counters.lastMessageAt)
            json.byte(UInt8(ascii: "}"))
        }

        json.raw("},\"store\":{\"tickers\":"); json.integer(statistics.tickerCount)
        json.raw(",\"ratings\":"); json.integer(statistics.ratingCount)
        json.raw(",\"insights\":"); json.integer(statistics.insightCount)
        json.raw(",\"consensus\":"); json.integer(statistics.consensusCount)

        json.raw("},\"dead_letters\":[")
        for (index, letter) in statistics.recentDeadLetters.enumerated() {
            if index > 0 { json.comma() }
            json.raw("{\"source\":"); json.string(letter.source.rawValue)
            json.raw(",\"reason\":"); json.string(letter.reason)
            json.raw(",\"excerpt\":"); json.string(letter.excerpt)
            json.raw(",\"received_at\":"); json.timestamp(letter.receivedAt)
            json.byte(UInt8(ascii: "}"))
        }
        json.byte(UInt8(ascii: "]"))
        if let events { renderEvents(events, into: &json) }
        json.byte(UInt8(ascii: "}"))
        return json.bytes
    }

    /// The `feeds` array: one object per connection, every key always present.
    private static func renderFeeds(_ feeds: [FeedReport], into json: inout JSONWriter) {
        json.byte(UInt8(ascii: "["))
        for (index, feed) in feeds.enumerated() {
            if index > 0 { json.comma() }
            json.raw("{\"name\":"); json.string(feed.name)
            json.raw(",\"source\":"); json.string(feed.source.rawValue)
            json.raw(",\"state\":"); json.string(feed.state)
            json.raw(",\"url\":"); json.string(feed.url)
            json.raw(",\"connected_since\":"); json.timestamp(feed.connectedSince)
            json.raw(",\"last_message_at\":"); json.timestamp(feed.lastMessageAt)
            json.raw(",\"retry_at\":"); json.timestamp(feed.retryAt)
            json.raw(",\"messages\":"); json.integer(feed.messages)
            json.raw(",\"reconnects\":"); json.integer(feed.reconnects)
            json.raw(",\"last_error\":"); json.string(feed.lastError)
            json.raw(",\"auth_failed\":"); json.bool(feed.authFailed)
            json.byte(UInt8(ascii: "}"))
        }
        json.byte(UInt8(ascii: "]"))
    }
}
