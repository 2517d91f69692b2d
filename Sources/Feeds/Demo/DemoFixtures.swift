import LiveState

/// The three recorded streams demo mode replays, as the bytes of their `.jsonl` files.
///
/// The library never reads files: the executable embeds `Fixtures/` and hands the bytes in.
public struct DemoFixtures: Sendable {
    /// `ratings.jsonl`.
    public var ratings: [UInt8]
    /// `consensus.jsonl`.
    public var consensus: [UInt8]
    /// `insights.jsonl`.
    public var insights: [UInt8]

    /// The three files' bytes.
    public init(ratings: [UInt8], consensus: [UInt8], insights: [UInt8]) {
        self.ratings = ratings
        self.consensus = consensus
        self.insights = insights
    }

    /// The file of one source.
    public func bytes(of source: FeedSource) -> [UInt8] {
        switch source {
        case .ratings: return ratings
        case .consensus: return consensus
        case .insights: return insights
        }
    }

    /// The non-blank lines of one file, without their line endings.
    func lines(of source: FeedSource) -> [[UInt8]] {
        bytes(of: source).split(separator: 0x0A, omittingEmptySubsequences: true).compactMap { line in
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            return line.allSatisfy(TextRules.isSpace) ? nil : Array(line)
        }
    }
}
