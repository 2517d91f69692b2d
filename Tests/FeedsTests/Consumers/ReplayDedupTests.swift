import Feeds
import LiveState
import Testing

/// A replay after a reconnect re-sends messages, possibly under new envelope ids: the real
/// store, through the pipeline, must recognise them by record id and version and change nothing.
@Suite struct ReplayDedupTests {
    static let firstArrival = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)
    static let replayArrival = Timestamp(millisecondsSinceEpoch: 1_800_000_060_000)

    /// `line` with its envelope id (the message's first member) replaced by a fresh UUID.
    static func withFreshEnvelopeID(_ line: [UInt8], number: Int) -> [UInt8] {
        let prefix = Array(#"{"id":""#.utf8)
        precondition(Array(line.prefix(prefix.count)) == prefix, "fixture lines start with the envelope id")
        let fresh = Array("00000000-0000-4000-8000-\(String(number, radix: 16).leftPadded(to: 12))".utf8)
        return prefix + fresh + line.dropFirst(prefix.count + 36)
    }

    /// Every outcome of ingesting `lines` of `source`.
    static func ingest(_ lines: [[UInt8]], source: FeedSource, into pipeline: FeedPipeline, at: Timestamp) -> [IngestResult] {
        lines.map { pipeline.ingest($0, source: source, receivedAt: at) }
    }

    @Test(arguments: FeedSource.allCases)
    func aReplayedMessageUnderANewEnvelopeIDIsADuplicate(source: FeedSource) throws {
        let store = Store()
        let pipeline = FeedPipeline(store: store)
        // A consensus message tied by a field it carries, so it applies without a subscription.
        let line = try #require(try FixtureFiles.lines(source).first)
        #expect(pipeline.ingest(line, source: source, receivedAt: Self.firstArrival) == .applied(.applied(sequence: 1)))
        let served = FeedPipelineStoreTests.servedState(store)

        let replayed = Self.withFreshEnvelopeID(line, number: 1)
        #expect(replayed != line)
        #expect(pipeline.ingest(replayed, source: source, receivedAt: Self.replayArrival) == .applied(.duplicate))
        // The same envelope id again is caught earlier, by the envelope memory.
        #expect(pipeline.ingest(line, source: source, receivedAt: Self.replayArrival) == .applied(.duplicate))
        #expect(FeedPipelineStoreTests.servedState(store) == served)
        let counters = try #require(store.statistics().sources[source])
        #expect(counters.applied == 1 && counters.duplicates == 2 && counters.stale == 0)
    }

    @Test func fullReplayWithFreshEnvelopeIDsAppliesNothingAndLeavesTheServedStateAlone() throws {
        let store = Store()
        let pipeline = FeedPipeline(store: store)
        var lines: [FeedSource: [[UInt8]]] = [:]
        for source in FeedSource.allCases {
            lines[source] = try FixtureFiles.lines(source)
            _ = Self.ingest(lines[source]!, source: source, into: pipeline, at: Self.firstArrival)
        }
        let servedBefore = FeedPipelineStoreTests.servedState(store)
        let before = store.statistics()

        var number = 0
        for source in FeedSource.allCases {
            let replay = lines[source]!.map { line -> [UInt8] in
                number += 1
                return Self.withFreshEnvelopeID(line, number: number)
            }
            let results = Self.ingest(replay, source: source, into: pipeline, at: Self.replayArrival)
            // Superseded versions are stale and re-sent deletes of gone records are unknown
            // deletes: both honest, neither a change. Nothing may apply.
            #expect(results.allSatisfy { [.applied(.duplicate), .applied(.stale), .applied(.unknownDelete)].contains($0) }, "\(source)")
            #expect(results.contains(.applied(.duplicate)), "\(source)")
            let was = try #require(before.sources[source])
            let now = try #require(store.statistics().sources[source])
            #expect(now.applied == was.applied, "\(source)")
            #expect(now.duplicates + now.stale + now.unknownDeletes - was.duplicates - was.stale - was.unknownDeletes == replay.count)
        }
        #expect(FeedPipelineStoreTests.servedState(store) == servedBefore)
    }
}

extension String {
    /// Left-padded with zeros to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
