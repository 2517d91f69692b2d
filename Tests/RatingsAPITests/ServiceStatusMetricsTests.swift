import LiveState
import ServiceMetrics
import Testing
@testable import RatingsAPI

/// The `/status` numbers as Prometheus families, exact for a known snapshot.
@Suite struct ServiceStatusMetricsTests {
    private func scrape(_ statistics: StoreStatistics, _ state: ServiceState, uptimeMilliseconds: Int64) -> String {
        var contents = Fixtures.contents()
        contents.stats = statistics
        let now = Timestamp(millisecondsSinceEpoch: state.startedAt.millisecondsSinceEpoch + uptimeMilliseconds)
        let source = ServiceStatusMetrics(store: FakeStore(contents), serviceState: { state }, clock: { now })
        var exposition = PrometheusExposition()
        source.collect(into: &exposition)
        return String(decoding: exposition.bytes, as: UTF8.self)
    }

    @Test func aKnownSnapshotGivesExactlyTheseLines() {
        let feed = FeedReport(
            name: "consensus[BRK/B]", source: .consensus, state: "open", url: "wss://example.test/consensus",
            connectedSince: Timestamp(millisecondsSinceEpoch: 1_728_000_001_000),
            lastMessageAt: Timestamp(millisecondsSinceEpoch: 1_728_000_011_500), messages: 7, reconnects: 2, pending: 3)
        let state = ServiceState(
            mode: .live, startedAt: Harness.startedAt, readinessReasons: ["ratings feed not connected"], feeds: [feed])
        let text = scrape(StatusDocumentTests.statistics(), state, uptimeMilliseconds: 12_500)
        #expect(text == """
            # HELP ratingsd_info Always 1; the mode label says where the data comes from (demo or live).
            # TYPE ratingsd_info gauge
            ratingsd_info{mode="live"} 1
            # HELP ratingsd_ready 1 when /readyz answers 200, else 0.
            # TYPE ratingsd_ready gauge
            ratingsd_ready 0
            # HELP ratingsd_process_start_time_seconds When the process started, in seconds since the Unix epoch.
            # TYPE ratingsd_process_start_time_seconds gauge
            ratingsd_process_start_time_seconds 1728000000
            # HELP ratingsd_process_uptime_seconds Seconds since the process started.
            # TYPE ratingsd_process_uptime_seconds gauge
            ratingsd_process_uptime_seconds 12.5
            # HELP ratingsd_store_applied_total Changes that altered the store's state, by source.
            # TYPE ratingsd_store_applied_total counter
            ratingsd_store_applied_total{source="ratings"} 1000
            ratingsd_store_applied_total{source="consensus"} 0
            ratingsd_store_applied_total{source="insights"} 0
            # HELP ratingsd_store_duplicates_total Messages already seen (same envelope id, or same record and version), by source.
            # TYPE ratingsd_store_duplicates_total counter
            ratingsd_store_duplicates_total{source="ratings"} 3
            ratingsd_store_duplicates_total{source="consensus"} 0
            ratingsd_store_duplicates_total{source="insights"} 0
            # HELP ratingsd_store_stale_total Updates older than the record held, ignored, by source.
            # TYPE ratingsd_store_stale_total counter
            ratingsd_store_stale_total{source="ratings"} 2
            ratingsd_store_stale_total{source="consensus"} 0
            ratingsd_store_stale_total{source="insights"} 0
            # HELP ratingsd_store_unknown_deletes_total Deletes of ids the store does not hold, by source.
            # TYPE ratingsd_store_unknown_deletes_total counter
            ratingsd_store_unknown_deletes_total{source="ratings"} 1
            ratingsd_store_unknown_deletes_total{source="consensus"} 0
            ratingsd_store_unknown_deletes_total{source="insights"} 0
            # HELP ratingsd_store_dead_letters_total Messages that could not be decoded or applied, by source.
            # TYPE ratingsd_store_dead_letters_total counter
            ratingsd_store_dead_letters_total{source="ratings"} 1
            ratingsd_store_dead_letters_total{source="consensus"} 0
            ratingsd_store_dead_letters_total{source="insights"} 0
            # HELP ratingsd_store_last_message_timestamp_seconds When the last message of the source reached the store, in seconds since the Unix epoch; absent before the first.
            # TYPE ratingsd_store_last_message_timestamp_seconds gauge
            ratingsd_store_last_message_timestamp_seconds{source="ratings"} 1728000010.25
            # HELP ratingsd_store_tickers Tickers the store knows.
            # TYPE ratingsd_store_tickers gauge
            ratingsd_store_tickers 40
            # HELP ratingsd_store_ratings Ratings held.
            # TYPE ratingsd_store_ratings gauge
            ratingsd_store_ratings 1000
            # HELP ratingsd_store_insights Insights held.
            # TYPE ratingsd_store_insights gauge
            ratingsd_store_insights 100
            # HELP ratingsd_store_consensus Tickers with a consensus held.
            # TYPE ratingsd_store_consensus gauge
            ratingsd_store_consensus 40
            # HELP ratingsd_feed_messages_total Data messages received on the feed connection.
            # TYPE ratingsd_feed_messages_total counter
            ratingsd_feed_messages_total{feed="consensus[BRK/B]",source="consensus"} 7
            # HELP ratingsd_feed_reconnects_total Connects made after a failure or a lost connection.
            # TYPE ratingsd_feed_reconnects_total counter
            ratingsd_feed_reconnects_total{feed="consensus[BRK/B]",source="consensus"} 2
            # HELP ratingsd_feed_state 1 for the state the feed connection is in, 0 for the others.
            # TYPE ratingsd_feed_state gauge
            ratingsd_feed_state{feed="consensus[BRK/B]",source="consensus",state="disabled"} 0
            ratingsd_feed_state{feed="consensus[BRK/B]",source="consensus",state="idle"} 0
            ratingsd_feed_state{feed="consensus[BRK/B]",source="consensus",state="connecting"} 0
            ratingsd_feed_state{feed="consensus[BRK/B]",source="consensus",state="open"} 1
            ratingsd_feed_state{feed="consensus[BRK/B]",source="consensus",state="backing_off"} 0
            ratingsd_feed_state{feed="consensus[BRK/B]",source="consensus",state="stopped_for_auth"} 0
            ratingsd_feed_state{feed="consensus[BRK/B]",source="consensus",state="stopped"} 0
            # HELP ratingsd_feed_connected 1 while the feed connection is open, else 0.
            # TYPE ratingsd_feed_connected gauge
            ratingsd_feed_connected{feed="consensus[BRK/B]",source="consensus"} 1
            # HELP ratingsd_feed_pending_consensus Consensus messages held until the store learns the ISIN they name.
            # TYPE ratingsd_feed_pending_consensus gauge
            ratingsd_feed_pending_consensus{feed="consensus[BRK/B]",source="consensus"} 3
            # HELP ratingsd_feed_last_message_timestamp_seconds When the last data message arrived on the feed connection, in seconds since the Unix epoch; absent before the first.
            # TYPE ratingsd_feed_last_message_timestamp_seconds gauge
            ratingsd_feed_last_message_timestamp_seconds{feed="consensus[BRK/B]",source="consensus"} 1728000011.5

            """)
    }

    @Test func aStateNoListNamesStillGetsItsSeries() {
        let feed = FeedReport(name: "ratings", source: .ratings, state: "draining", url: "ws://x/ratings")
        let state = ServiceState(mode: .live, startedAt: Harness.startedAt, feeds: [feed])
        let text = scrape(StoreStatistics(), state, uptimeMilliseconds: 0)
        #expect(text.contains(#"ratingsd_feed_state{feed="ratings",source="ratings",state="draining"} 1"#))
        #expect(text.contains(#"ratingsd_feed_state{feed="ratings",source="ratings",state="open"} 0"#))
        #expect(text.contains(#"ratingsd_feed_connected{feed="ratings",source="ratings"} 0"#))
        #expect(!text.contains("ratingsd_feed_last_message_timestamp_seconds{"))
    }
}
