import LiveState

/// The `events` member of `/status`: the state of `GET /events`.
extension StatusDocument {
    /// `,"events":{"subscribers":…,…}`, every key always present.
    static func renderEvents(_ events: EventStreamStatistics, into json: inout JSONWriter) {
        json.raw(",\"events\":{\"subscribers\":"); json.integer(events.subscribers)
        json.raw(",\"max_subscribers\":"); json.integer(events.maxSubscribers)
        json.raw(",\"rejected_subscribers\":"); json.integer(events.rejectedSubscribers)
        json.raw(",\"overflow_disconnects\":"); json.integer(events.overflowDisconnects)
        json.raw(",\"stalled_disconnects\":"); json.integer(events.stalledDisconnects)
        json.raw(",\"queued_bytes\":"); json.integer(events.queuedBytes)
        json.raw(",\"events_published\":"); json.integer(events.eventsPublished)
        json.raw(",\"log_events\":"); json.integer(events.logCount)
        json.raw(",\"log_capacity\":"); json.integer(events.logCapacity)
        json.raw(",\"oldest_id\":"); json.integer(events.oldestID)
        json.raw(",\"last_id\":"); json.integer(events.lastID)
        json.byte(UInt8(ascii: "}"))
    }
}
