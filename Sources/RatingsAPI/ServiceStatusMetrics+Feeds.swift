import ServiceMetrics

/// The per-connection families, labelled `feed` (the connection's name) and `source`.
extension ServiceStatusMetrics {
    /// Every state a feed reports (`FeedPhase` in the Feeds module), each with its own series so
    /// a dashboard can sum by state; a state outside the list still gets a series when reported.
    static let feedStates = ["disabled", "idle", "connecting", "open", "backing_off", "stopped_for_auth", "stopped"]

    /// The feed families; each is declared even when there is no feed (demo mode), so a
    /// dashboard query finds the name either way.
    static func feeds(_ feeds: [FeedReport], into exposition: inout PrometheusExposition) {
        let labelled = feeds.map { ([("feed", $0.name), ("source", $0.source.rawValue)], $0) }
        exposition.family("ratingsd_feed_messages_total", .counter, help: "Data messages received on the feed connection.")
        for (labels, feed) in labelled { exposition.sample("ratingsd_feed_messages_total", labels, feed.messages) }
        exposition.family("ratingsd_feed_reconnects_total", .counter, help: "Connects made after a failure or a lost connection.")
        for (labels, feed) in labelled { exposition.sample("ratingsd_feed_reconnects_total", labels, feed.reconnects) }
        exposition.family("ratingsd_feed_state", .gauge, help: "1 for the state the feed connection is in, 0 for the others.")
        for (labels, feed) in labelled {
            let states = feedStates.contains(feed.state) ? feedStates : feedStates + [feed.state]
            for state in states {
                exposition.sample("ratingsd_feed_state", labels + [("state", state)], state == feed.state ? 1 : 0)
            }
        }
        exposition.family("ratingsd_feed_connected", .gauge, help: "1 while the feed connection is open, else 0.")
        for (labels, feed) in labelled { exposition.sample("ratingsd_feed_connected", labels, feed.connectedSince == nil ? 0 : 1) }
        exposition.family("ratingsd_feed_pending_consensus", .gauge, help: "Consensus messages held until the store learns the ISIN they name.")
        for (labels, feed) in labelled { exposition.sample("ratingsd_feed_pending_consensus", labels, feed.pending) }
        let name = "ratingsd_feed_last_message_timestamp_seconds"
        exposition.family(name, .gauge, help: "When the last data message arrived on the feed connection, in seconds since the Unix epoch; absent before the first.")
        for (labels, feed) in labelled {
            guard let time = feed.lastMessageAt else { continue }
            exposition.sample(name, labels, nanoseconds: nanoseconds(time))
        }
    }
}
