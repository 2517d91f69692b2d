import Feeds
import Foundation
import LiveState

/// The repository's `Fixtures/` folder, found relative to this source file.
enum FixtureFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func lines(_ source: FeedSource) throws -> [[UInt8]] {
        try bytes(source.rawValue + ".jsonl").split(separator: 0x0A).map(Array.init)
    }

    static func demoFixtures() throws -> DemoFixtures {
        DemoFixtures(ratings: try bytes("ratings.jsonl"), consensus: try bytes("consensus.jsonl"),
                     insights: try bytes("insights.jsonl"))
    }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}
