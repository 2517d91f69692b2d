@testable import Feeds
import Foundation
import LiveState
import Testing

/// The shipped `Fixtures/`: every good line decodes, every bad file is refused as its manifest says.
@Suite struct FixturesTests {
    struct BadCase: Decodable, Sendable, CustomTestStringConvertible {
        let file: String
        let source: String
        let category: String
        let description: String
        var testDescription: String { file }
    }

    static let badCases: [BadCase] = {
        guard let data = try? Data(contentsOf: FixtureFiles.directory.appendingPathComponent("bad/manifest.json")),
              let cases = try? JSONDecoder().decode([BadCase].self, from: data) else { return [] }
        return cases
    }()

    @Test func everyFixtureLineDecodesWithZeroDeadLetters() throws {
        let store = RecordingStore()
        let pipeline = FeedPipeline(store: store)
        let replay = DemoReplay(fixtures: try FixtureFiles.demoFixtures(), seed: 1)
        for message in replay.initialLoad {
            pipeline.ingest(message.bytes, source: message.source, receivedAt: Timestamp(millisecondsSinceEpoch: 0))
        }
        #expect(store.deadLetters.isEmpty, "\(store.deadLetters.prefix(3))")
        #expect(store.applied.count + 4 == replay.initialLoad.count)  // four lines are re-sent duplicates
    }

    @Test func fixturesHoldWhatTheIssueAsksFor() throws {
        let ratings = try FixtureFiles.lines(.ratings)
        let consensus = try FixtureFiles.lines(.consensus)
        let insights = try FixtureFiles.lines(.insights)
        #expect(ratings.count >= 1000)
        var ratingTickers = Set<String>()
        var actions = Set<String>()
        var deletes = 0
        for line in ratings {
            guard case .success(let message) = FeedDecoder().decode(line, source: .ratings) else { continue }
            switch message.change {
            case .rating(let action, let rating): ratingTickers.insert(rating.ticker); actions.insert(action.rawValue)
            case .ratingDeleted: deletes += 1
            default: break
            }
        }
        #expect(ratingTickers.count >= 40)
        #expect(actions == ["created", "updated"])
        #expect(deletes > 0)
        let text = String(decoding: try FixtureFiles.bytes("ratings.jsonl"), as: UTF8.self)
        for trap in [#""action":"Created""#, #""action":"Updated""#, #""action":"Deleted""#, #""pt_current":"""#, #""importance":"3""#, "adjusted_pt_current", #""ticker":"BRK.B""#] {
            #expect(text.contains(trap), "\(trap)")
        }
        let consensusTickers = Set(consensus.compactMap { line -> String? in
            if case .success(let message) = FeedDecoder().decode(line, source: .consensus, resolveISIN: { Self.isinIndex[$0] }),
               case .consensus(let value) = message.change { return value.ticker }
            return nil
        })
        #expect(consensusTickers == ratingTickers)
        let insightTickers = Set(insights.compactMap { line -> String? in
            if case .success(let message) = FeedDecoder().decode(line, source: .insights), case .insight(_, let insight) = message.change { return insight.ticker }
            return nil
        })
        #expect(insightTickers.count >= 20)
    }

    /// ISIN to ticker, as the ratings fixture teaches them to the store.
    static let isinIndex: [String: String] = {
        var index: [String: String] = [:]
        for line in (try? FixtureFiles.lines(.ratings)) ?? [] {
            if case .success(let message) = FeedDecoder().decode(line, source: .ratings), case .rating(_, let rating) = message.change, let isin = rating.isin {
                index[isin] = rating.ticker
            }
        }
        return index
    }()

    @Test func theBadManifestListsEveryFileInTheFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: FixtureFiles.directory.appendingPathComponent("bad").path)
        #expect(Set(names.filter { $0 != "manifest.json" && $0 != "README.md" }) == Set(Self.badCases.map(\.file)))
        #expect(Self.badCases.count >= 40)
    }

    @Test(arguments: badCases)
    func everyBadFileBecomesOneDeadLetterOfItsCategory(_ bad: BadCase) throws {
        let source = try #require(FeedSource(rawValue: bad.source))
        let bytes = try FixtureFiles.bytes("bad/" + bad.file)
        let store = RecordingStore()
        // Nothing held: an ISIN-only consensus must be refused here, not wait for a rating.
        let pipeline = FeedPipeline(store: store, pendingLimits: PendingISINLimits(maxMessages: 0))
        let result = pipeline.ingest(bytes, source: source, receivedAt: Timestamp(millisecondsSinceEpoch: 1_000))
        guard case .deadLettered(let failure) = result else {
            Issue.record("\(bad.file) was applied: \(result)")
            return
        }
        #expect(failure.category.rawValue == bad.category, "\(bad.file): \(failure.reason)")
        #expect(store.applied.isEmpty)
        #expect(store.deadLetters.count == 1)
        let letter = try #require(store.deadLetters.first)
        #expect(letter.source == source)
        #expect(letter.reason == failure.reason)
        #expect(!letter.reason.contains("\n"))
        #expect(letter.reason.utf8.count < 300)
        #expect(letter.excerpt.utf8.count <= 200 + 3 + 2 * 200)
    }
}
