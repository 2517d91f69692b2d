import Dispatch
import Foundation
import HTTPServer
import LiveState
import Synchronization
import Testing
@testable import RatingsAPI

/// `GET /events` over real loopback sockets against an in-process server whose store the tests
/// apply to directly: filters, resume, reset, snapshot, slow subscribers, heartbeats, scale.
@Suite(.serialized) struct EventStreamTests {
    func ids(_ blocks: [EventStreamClient.Block]) -> [UInt64] { blocks.compactMap { $0.id.flatMap { UInt64($0) } } }

    func ticker(_ block: EventStreamClient.Block) -> String? {
        guard let data = block.data?.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["ticker"] as? String
    }

    @Test func theStreamCarriesTheEventStreamHeadersAndStartsWithRetry() throws {
        let harness = try EventStreamHarness()
        let client = try EventStreamClient(port: harness.port, target: "/events")
        #expect(client.status == 200)
        #expect(client.headers["content-type"] == "text/event-stream")
        #expect(client.headers["cache-control"] == "no-cache")
        #expect(client.headers["x-accel-buffering"] == "no")
        #expect(client.headers["access-control-allow-origin"] == "*")
        #expect(try client.nextBlock() == EventStreamClient.Block(retry: "3000"))
        let id = harness.rating("MSFT", importance: 5)
        let event = try #require(try client.events(1).first)
        #expect(event.id == String(id) && event.event == "rating" && ticker(event) == "MSFT")
        #expect(event.data == harness.store.ratingDocument(id: "r1").map { String(decoding: $0.json, as: UTF8.self) })
    }

    @Test func eventsArriveForMatchingFiltersOnly() throws {
        let harness = try EventStreamHarness()
        let everything = try harness.subscribe()
        let msft = try harness.subscribe("tickers=msft")
        let consensusOnly = try harness.subscribe("types=consensus")
        let important = try harness.subscribe("min_importance=4&types=rating,consensus")
        let lowAAPL = harness.rating("AAPL", importance: 2)
        let highMSFT = harness.rating("MSFT", importance: 5, id: "gone")
        let consensusAAPL = harness.consensus("AAPL")
        let insightMSFT = harness.insight("MSFT")
        let deleted = harness.deleteRating("gone")
        let sentinel = harness.consensus("MSFT")
        #expect(ids(try #require(try everything.events(through: sentinel))) == [lowAAPL, highMSFT, consensusAAPL, insightMSFT, deleted, sentinel])
        let msftEvents = try #require(try msft.events(through: sentinel))
        #expect(ids(msftEvents) == [highMSFT, insightMSFT, deleted, sentinel])
        #expect(msftEvents.map(\.event) == ["rating", "insight", "rating_deleted", "consensus"])
        #expect(ids(try #require(try consensusOnly.events(through: sentinel))) == [consensusAAPL, sentinel])
        // min_importance drops the unimportant rating; the delete of a rating carries none and passes.
        #expect(ids(try #require(try important.events(through: sentinel))) == [highMSFT, consensusAAPL, deleted, sentinel])
    }

    @Test func resumeAfterADisconnectDeliversEachMissedEventExactlyOnce() throws {
        let harness = try EventStreamHarness()
        var first: EventStreamClient? = try harness.subscribe()
        let seen = (0..<3).map { _ in harness.rating() }
        #expect(ids(try #require(first).events(3)) == seen)
        first = nil
        let missed = (0..<4).map { _ in harness.consensus() }
        let byHeader = try harness.subscribe(headers: ["Last-Event-ID": String(seen[2])])
        let byQuery = try harness.subscribe("last_event_id=\(seen[2])")
        // The header wins: EventSource sends it on reconnect while the URL keeps the first id.
        let both = try harness.subscribe("last_event_id=1", headers: ["Last-Event-ID": String(seen[2])])
        let live = harness.rating()
        for client in [byHeader, byQuery, both] {
            #expect(ids(try #require(try client.events(through: live))) == missed + [live])
        }
    }

    @Test func resumesRacingLiveEventsHaveNoGapsAndNoDuplicates() throws {
        let harness = try EventStreamHarness(logCapacity: 100_000)
        let total = 3_000
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let writer = Thread {
            started.signal()
            for k in 0..<total { if k % 2 == 0 { harness.consensus("T\(k % 7)") } else { harness.rating("T\(k % 5)") } }
            finished.signal()
        }
        writer.start()
        started.wait()
        var clients: [(EventStreamClient, UInt64)] = []
        for _ in 0..<12 {
            let resumeFrom = harness.store.events.lastSequence / 2
            clients.append((try harness.subscribe("last_event_id=\(resumeFrom)"), resumeFrom))
        }
        clients.append((try harness.subscribe(), 0))
        #expect(finished.wait(timeout: .now() + 30) == .success)
        for (client, resumeFrom) in clients {
            let received = ids(try #require(try client.events(through: UInt64(total))))
            let first = try #require(received.first)
            if resumeFrom > 0 { #expect(first == resumeFrom + 1) }
            #expect(received == Array(first...UInt64(total)))
        }
    }

    @Test func anIdOlderThanTheLogYieldsResetThenLiveEvents() throws {
        let harness = try EventStreamHarness(logCapacity: 5)
        for _ in 0..<20 { harness.consensus() }
        let client = try harness.subscribe(headers: ["Last-Event-ID": "2"])
        let reset = try #require(try client.events(1).first)
        #expect(reset.event == "reset")
        #expect(reset.id == "20")
        #expect(reset.data == #"{"reason":"expired","oldest_id":16,"last_id":20}"#)
        let live = harness.rating()
        #expect(ids(try client.events(1)) == [live])
        let future = try harness.subscribe("last_event_id=999")
        #expect(try future.events(1).first?.data == #"{"reason":"unknown_id","oldest_id":17,"last_id":21}"#)
    }

    @Test func anIdOfAnEarlierRunYieldsResetEvenWhenThisRunIssuedMoreEventsThanIt() throws {
        // The earlier run issued ids up to 30; this one numbers on from its start (here 1 000).
        let harness = try EventStreamHarness(startingAfter: 1_000)
        for _ in 0..<40 { harness.consensus() }
        let client = try harness.subscribe(headers: ["Last-Event-ID": "30"])
        let reset = try #require(try client.events(1).first)
        #expect(reset.event == "reset")
        #expect(reset.data == #"{"reason":"expired","oldest_id":1001,"last_id":1040}"#)
        let live = harness.rating()
        #expect(live == 1_041)
        #expect(ids(try client.events(1)) == [live])
    }

    @Test func snapshotSendsTheFilteredConsensusFirstAtTheCurrentId() throws {
        let harness = try EventStreamHarness()
        harness.consensus("AAPL")
        harness.consensus("MSFT")
        let current = harness.rating("AAPL")
        let client = try harness.subscribe("snapshot=true&tickers=MSFT,AAPL,NONE")
        let snapshot = try client.events(2)
        #expect(snapshot.map(\.event) == ["consensus", "consensus"])
        #expect(snapshot.compactMap(ticker) == ["MSFT", "AAPL"])
        #expect(snapshot.allSatisfy { $0.id == String(current) })
        let live = harness.consensus("AAPL")
        #expect(ids(try client.events(1)) == [live])
    }

    @Test func aSubscriberThatStopsReadingIsDroppedWhileAHealthyOneGetsEverythingInOrder() throws {
        let harness = try EventStreamHarness(outputBufferLimit: 64 * 1024, threads: 1)
        let stalled = try harness.subscribe(receiveBuffer: 2048)
        let healthy = try harness.subscribe()
        var sent: [UInt64] = []
        var received: [UInt64] = []
        // Rounds of 20 one-KiB events, read by the healthy client as they come, until the stalled
        // one (whose kernel buffers hold at most a few MiB) overflows; then one more round.
        var roundsAfterDrop = 0
        while roundsAfterDrop < 2 && sent.count < 8_000 {
            let round = (0..<20).map { _ in harness.rating(padding: 1_000) }
            sent += round
            received += ids(try healthy.events(20))
            if harness.fanout.statistics.overflowDisconnects > 0 { roundsAfterDrop += 1 }
        }
        #expect(roundsAfterDrop == 2)
        #expect(received == sent)
        #expect(harness.fanout.statistics.overflowDisconnects == 1)
        #expect(try stalled.readsToEnd())
        #expect(harness.fanout.statistics.subscribers == 1)
    }

    @Test func aSubscriberThatStopsReadingBeforeItCouldOverflowIsDroppedAtTheSendTimeoutAndCounted() throws {
        let harness = try EventStreamHarness(outputBufferLimit: 64 << 20, sendTimeout: .milliseconds(300), threads: 1)
        let stalled = try harness.subscribe(receiveBuffer: 2048)
        // Fill the kernel's buffers until output waits in the stream's own buffer, far below its
        // 64 MiB limit; then stop: only the send timeout can end the stream now.
        var applied = 0
        while harness.fanout.statistics.queuedBytes == 0 && applied < 20_000 {
            for _ in 0..<20 { harness.rating(padding: 1_000) }
            applied += 20
        }
        #expect(harness.fanout.statistics.queuedBytes > 0)
        let stoppedAt = ContinuousClock.now
        let deadline = stoppedAt + .seconds(10)
        while harness.fanout.statistics.stalledDisconnects == 0 && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let statistics = harness.fanout.statistics
        #expect(statistics.stalledDisconnects == 1)
        // The send clock ran from the last send that left output unsent, not from some later
        // unrelated deadline (idle sweeps run every eighth of the 15 s heartbeat).
        #expect(ContinuousClock.now - stoppedAt < .seconds(2))
        #expect(statistics.overflowDisconnects == 0)
        #expect(statistics.subscribers == 0)
        #expect(try stalled.readsToEnd())
    }

    @Test func heartbeatsArriveWhenNoEventWasSentForTheInterval() throws {
        let harness = try EventStreamHarness(configuration: EventStreamConfiguration(heartbeat: .milliseconds(300)))
        let client = try harness.subscribe()
        let start = ContinuousClock.now
        let block = try #require(try client.nextBlock())
        let waited = ContinuousClock.now - start
        #expect(block.comment == "heartbeat")
        #expect(waited >= .milliseconds(200) && waited < .milliseconds(1_500))
        // An event resets the timer: the next heartbeat comes an interval after it.
        let id = harness.rating()
        #expect(ids(try client.events(1)) == [id])
        let afterEvent = ContinuousClock.now
        #expect(try client.nextBlock()?.comment == "heartbeat")
        #expect(ContinuousClock.now - afterEvent >= .milliseconds(200))
    }

    @Test func aThousandConcurrentSubscribersAllReceiveEveryEvent() throws {
        try #require(EventStreamHarness.raiseOpenFileLimit(to: 4_096))
        let harness = try EventStreamHarness()
        let clients = try (0..<1_000).map { _ in try harness.subscribe() }
        #expect(harness.fanout.statistics.subscribers == 1_000)
        let sent = (0..<50).map { k in k % 2 == 0 ? harness.consensus("T\(k % 9)") : harness.rating("T\(k % 4)") }
        for client in clients { #expect(ids(try client.events(50)) == sent) }
    }

    @Test func aboveMaxSubscribersTheAnswerIs503WithRetryAfter() throws {
        let harness = try EventStreamHarness(configuration: EventStreamConfiguration(maxSubscribers: 2, retryAfterSeconds: 7))
        var first: EventStreamClient? = try harness.subscribe()
        let second = try harness.subscribe()
        let refused = try harness.subscribe()
        #expect(refused.status == 503)
        #expect(refused.headers["retry-after"] == "7")
        #expect(refused.headers["content-type"] == "application/problem+json")
        #expect(refused.bodyText.contains("service-unavailable"))
        #expect(harness.fanout.statistics.rejectedSubscribers == 1)
        first = nil
        _ = first
        let deadline = ContinuousClock.now + .seconds(5)
        while harness.fanout.statistics.subscribers > 1 && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.002) }
        #expect(try harness.subscribe().status == 200)
        _ = second
    }

    @Test func statusReportsTheEventStreams() throws {
        let harness = try EventStreamHarness()
        let client = try harness.subscribe()
        harness.rating()
        _ = try client.events(1)
        let status = try EventStreamClient(port: harness.port, target: "/status")
        let object = try JSONSerialization.jsonObject(with: Data(status.bodyText.utf8)) as? [String: Any]
        let events = try #require(object?["events"] as? [String: Any])
        #expect(events["subscribers"] as? Int == 1)
        #expect(events["last_id"] as? Int == 1)
        #expect(events["log_capacity"] as? Int == 1_000)
    }

    @Test func metricsExportTheEventStreams() throws {
        let harness = try EventStreamHarness()
        let before = String(decoding: harness.api.metrics.scrape(), as: UTF8.self)
        #expect(before.contains("\nratingsd_events_subscribers 0\n"))
        #expect(!before.contains("\nratingsd_events_last_id "))
        let client = try harness.subscribe()
        let id = harness.rating()
        _ = try client.events(1)
        let text = String(decoding: harness.api.metrics.scrape(), as: UTF8.self)
        #expect(text.contains("# TYPE ratingsd_events_subscribers gauge\nratingsd_events_subscribers 1\n"))
        #expect(text.contains("\nratingsd_events_last_id \(id)\n"))
        #expect(text.contains("\nratingsd_events_log_capacity 1000\n"))
        #expect(text.contains("# TYPE ratingsd_events_overflow_disconnects_total counter\nratingsd_events_overflow_disconnects_total 0\n"))
    }
}
