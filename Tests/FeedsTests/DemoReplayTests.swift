@testable import Feeds
import LiveState
import Testing

@Suite struct DemoReplayTests {
    private let now = Timestamp(millisecondsSinceEpoch: 1_780_000_000_123)  // 2026-05-28T20:26:40.123Z

    private func object(_ message: DemoMessage) throws -> JSONObject {
        var parser = JSONParser()
        return try #require(try parser.parse(message.bytes).objectValue)
    }

    private func data(_ message: DemoMessage) throws -> JSONObject {
        try #require(try object(message)["data"]?.objectValue)
    }

    @Test func initialLoadIsEveryFixtureLineAsRecordedInOneTimeline() throws {
        let fixtures = try FixtureFiles.demoFixtures()
        let replay = DemoReplay(fixtures: fixtures, seed: 1)
        var expected: [FeedSource: [[UInt8]]] = [:]
        for source in FeedSource.allCases { expected[source] = try FixtureFiles.lines(source) }
        #expect(replay.initialLoad.count == expected.values.map(\.count).reduce(0, +))
        for source in FeedSource.allCases {
            #expect(replay.initialLoad.filter { $0.source == source }.map(\.bytes) == expected[source], "\(source)")
        }
        let instants = replay.records.compactMap { $0.instant?.millisecondsSinceEpoch }
        #expect(instants.count == replay.records.count)
        #expect(instants == instants.sorted())
        #expect(Set(replay.initialLoad.prefix(100).map(\.source)).count == 3)
    }

    @Test func replayGivesFreshEnvelopeIDsAndSuffixedDataIDsPerLoop() throws {
        let fixtures = try FixtureFiles.demoFixtures()
        var replay = DemoReplay(fixtures: fixtures, seed: 7)
        let originals = Set(try replay.initialLoad.map { try object($0)["id"]?.stringValue ?? "" })
        for loop in 1...2 {
            var envelopeIDs: [String] = []
            for index in 0..<replay.messagesPerLoop {
                #expect(replay.loop == loop)
                let next = replay.next(now: now)
                let message = try #require(next)
                let original = try data(replay.initialLoad[index])
                let root = try object(message)
                envelopeIDs.append(try #require(root["id"]?.stringValue))
                if message.source != .consensus {
                    let id = try #require(original["id"]?.stringValue)
                    #expect(try data(message)["id"] == .string(id + "-r\(loop)"))
                }
            }
            #expect(Set(envelopeIDs).isDisjoint(with: originals))
            #expect(Set(envelopeIDs).count == envelopeIDs.count - 4)  // the four re-sent lines stay duplicates
        }
        #expect(replay.loop == 3)
    }

    @Test func replayStampsEveryTimestampWithNowInTheOriginalsFormat() throws {
        let fixtures = try FixtureFiles.demoFixtures()
        var replay = DemoReplay(fixtures: fixtures, seed: 3)
        var seenMilliseconds = false
        var seenWallClock = false
        for index in 0..<replay.messagesPerLoop {
            let next = replay.next(now: now)
                let message = try #require(next)
            let original = try data(replay.initialLoad[index])
            let fresh = try data(message)
            #expect(fresh.members.map(\.key) == original.members.map(\.key))
            switch message.source {
            case .consensus:
                let text = try #require(fresh["updated_at"]?.stringValue)
                if Timestamp(rfc3339: try #require(original["updated_at"]?.stringValue)) != nil {
                    #expect(text == "2026-05-28T20:26:40Z")
                } else {
                    #expect(text == "2026-05-28 16:26:40")
                    seenWallClock = true
                }
            case .ratings, .insights:
                #expect(fresh["timestamp"] == .string("2026-05-28T20:26:40Z"))
                let content = try #require(fresh["content"]?.objectValue)
                let originalContent = try #require(original["content"]?.objectValue)
                #expect(content.members.map(\.key) == originalContent.members.map(\.key))
                if originalContent["date"] != nil { #expect(content["date"] == .string("2026-05-28")) }
                if message.source == .ratings, originalContent["time"] != nil { #expect(content["time"] == .string("16:26:40")) }
                guard case .number(let updated)? = content["updated"], let value = updated.int64,
                      case .number(let originalUpdated)? = originalContent["updated"], let originalValue = originalUpdated.int64 else { continue }
                if originalValue > 100_000_000_000 {
                    seenMilliseconds = true
                    #expect(value >= 1_780_000_000_123)
                } else {
                    #expect(value >= 1_780_000_000 && value < 1_780_000_000_000)
                }
            }
        }
        #expect(seenMilliseconds && seenWallClock)
    }

    @Test func anUpdateInTheSameSecondAsItsCreateStillComesOutNewer() throws {
        let create = Decoding.ratingMessage(id: "r1", content: #""ticker":"AAPL","updated":1767967500"#)
        let update = Decoding.ratingMessage(action: "updated", id: "r1", content: #""ticker":"AAPL","updated":"1767967600""#)
        var replay = DemoReplay(fixtures: DemoFixtures(ratings: Array((create + "\n" + update + "\n").utf8), consensus: [], insights: []), seed: 1)
        let replayedCreate = try #require(replay.next(now: now) as DemoMessage?)
        let replayedUpdate = try #require(replay.next(now: now) as DemoMessage?)
        let first = try data(replayedCreate)["content"]?.objectValue?["updated"]
        let second = try data(replayedUpdate)["content"]?.objectValue?["updated"]
        #expect(first == .number(JSONNumber(1_780_000_000)))
        #expect(second == .string("1780000001"))
    }

    @Test func replayedLoopsDecodeWithoutDeadLettersAndKeepIDsConsistent() throws {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store)
        var replay = DemoReplay(fixtures: try FixtureFiles.demoFixtures(), seed: 11)
        for message in replay.initialLoad { pipeline.ingest(message.bytes, source: message.source, receivedAt: now) }
        for _ in 0..<(2 * replay.messagesPerLoop) {
            let next = replay.next(now: now)
                let message = try #require(next)
            pipeline.ingest(message.bytes, source: message.source, receivedAt: now)
        }
        #expect(store.deadLetters.isEmpty, "\(store.deadLetters.prefix(2))")
        let insightRatingIDs = store.applied.compactMap { message -> String? in
            if case .insight(_, let insight) = message.change { return insight.ratingID }
            return nil
        }
        let ratingIDs = Set(store.applied.compactMap { message -> String? in
            if case .rating(_, let rating) = message.change { return rating.id }
            return nil
        })
        #expect(insightRatingIDs.allSatisfy(ratingIDs.contains))
        #expect(insightRatingIDs.contains { $0.hasSuffix("-r2") })
    }

    @Test func theSameSeedGivesTheSameReplay() throws {
        let fixtures = try FixtureFiles.demoFixtures()
        var first = DemoReplay(fixtures: fixtures, seed: 42)
        var second = DemoReplay(fixtures: fixtures, seed: 42)
        var third = DemoReplay(fixtures: fixtures, seed: 43)
        let a = (0..<20).compactMap { _ in first.next(now: now) }
        #expect(a == (0..<20).compactMap { _ in second.next(now: now) })
        #expect(a != (0..<20).compactMap { _ in third.next(now: now) })
    }

    @Test func replaysALineThatIsNotJSONByteForByte() throws {
        let fixtures = DemoFixtures(ratings: Array("not json\r\n\n  \n".utf8), consensus: [], insights: [])
        var replay = DemoReplay(fixtures: fixtures, seed: 1)
        #expect(replay.initialLoad == [DemoMessage(source: .ratings, bytes: Array("not json".utf8))])
        #expect(replay.next(now: now) == DemoMessage(source: .ratings, bytes: Array("not json".utf8)))
    }

    @Test func emptyFixturesGiveNothing() {
        var replay = DemoReplay(fixtures: DemoFixtures(ratings: [], consensus: [], insights: []), seed: 1)
        #expect(replay.initialLoad.isEmpty)
        #expect(replay.next(now: now) == nil)
    }
}
