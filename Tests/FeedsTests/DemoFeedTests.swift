import Feeds
import Foundation
import LiveState
import Testing

@Suite struct DemoFeedTests {
    /// Collects the completion callback's summary across threads.
    final class SummaryBox: @unchecked Sendable {
        // Safety: `summary` is read and written with `lock` held.
        private let lock = NSLock()
        private var summary: DemoLoadSummary?
        func set(_ value: DemoLoadSummary) { lock.lock(); summary = value; lock.unlock() }
        var value: DemoLoadSummary? { lock.lock(); defer { lock.unlock() }; return summary }
    }

    @Test func loadsEverythingReportsItThenReplaysAtThePaceUntilStopped() throws {
        let fixtures = try FixtureFiles.demoFixtures()
        let loadCount = DemoReplay(fixtures: fixtures, seed: 1).initialLoad.count
        let store = RecordingStore()
        let box = SummaryBox()
        let feed = DemoFeed(pipeline: FeedPipeline(store: store), fixtures: fixtures, rate: 2000, seed: 5) { box.set($0) }
        feed.start()
        feed.start()
        #expect(store.waitForCalls(loadCount + 40, timeout: 30))
        feed.stop()
        let summary = try #require(box.value)
        #expect(summary.messages == loadCount)
        #expect(summary.deadLetters == 0)
        #expect(summary.applied == loadCount - 4)
        #expect(feed.replayedCount >= 40)
        #expect(store.applied.count + store.duplicates + store.deadLetters.count == loadCount + feed.replayedCount)
        #expect(store.deadLetters.isEmpty)
    }

    @Test func stopReturnsPromptlyWhileWaitingForASlowPace() throws {
        let store = RecordingStore()
        let fixtures = DemoFixtures(ratings: Array((Decoding.ratingMessage(content: #""ticker":"AAPL""#) + "\n").utf8), consensus: [], insights: [])
        let feed = DemoFeed(pipeline: FeedPipeline(store: store), fixtures: fixtures, rate: 0.001, seed: 1)
        feed.start()
        #expect(store.waitForCalls(2, timeout: 10))  // the load, then the first replayed message
        let started = ContinuousClock.now
        feed.stop()
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(feed.replayedCount == 1)
    }

    @Test func stopWorksWithoutStartAndFromTheCompletionCallback() {
        let idle = DemoFeed(pipeline: FeedPipeline(store: RecordingStore()), fixtures: DemoFixtures(ratings: [], consensus: [], insights: []))
        idle.stop()
        let store = RecordingStore()
        let fixtures = DemoFixtures(ratings: Array((Decoding.ratingMessage(content: #""ticker":"AAPL""#) + "\n").utf8), consensus: [], insights: [])
        final class FeedBox: @unchecked Sendable { var feed: DemoFeed? }  // Safety: set before start, read after.
        let box = FeedBox()
        box.feed = DemoFeed(pipeline: FeedPipeline(store: store), fixtures: fixtures, rate: 1000, seed: 1) { _ in box.feed?.stop() }
        box.feed?.start()
        #expect(store.waitForCalls(1, timeout: 10))
        box.feed?.stop()
        #expect(box.feed?.replayedCount == 0)
    }
}
