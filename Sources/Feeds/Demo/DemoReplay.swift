import LiveState

/// The message sequence of demo mode, pure and clock-free: an initial load, then an endless
/// replay with fresh ids and current timestamps.
///
/// The initial load is every fixture line exactly as recorded, the three files merged into one
/// timeline (by `content.updated`, `data.timestamp` or `updated_at`; ties keep file order), so
/// the store is fully populated before the service reports ready, and a consensus tied by ISIN
/// comes after the rating that taught the store that ISIN.
///
/// Replay loop `n` (from 1) walks the same timeline again and re-writes each line
/// (`DemoReplay+Rewrite.swift`): a fresh envelope `id`, `data.id` (and `content.id`,
/// insight `rating_id`) suffixed `-r<n>` so every loop creates new records whose updates and
/// deletes still refer to each other, and every timestamp set to `now`. A line re-sent in the
/// fixture (same envelope id) is re-sent in the replay too, so duplicates stay duplicates.
public struct DemoReplay: Sendable {
    /// The fixture lines as recorded, in timeline order.
    public let initialLoad: [DemoMessage]
    /// The parsed lines, in timeline order.
    let records: [DemoRecord]
    /// The replay loop the next message belongs to (1 for the first pass after the load).
    public private(set) var loop = 1
    /// Index of the next record in `records`.
    public private(set) var position = 0
    /// Draws the fresh envelope ids.
    var random: DemoRandom
    /// Fresh envelope ids of this loop, by original envelope id.
    var envelopeIDs: [String: String] = [:]
    /// The last `updated` given to each record of this loop (milliseconds), so an update that
    /// follows its create within the same second still comes out strictly newer.
    var lastUpdated: [String: Int64] = [:]

    /// Prepares the timeline; `seed` makes the fresh envelope ids reproducible.
    public init(fixtures: DemoFixtures, seed: UInt64) {
        var ordered: [(instant: Int64, ordinal: Int, record: DemoRecord)] = []
        for source in [FeedSource.ratings, .consensus, .insights] {
            var previous = Int64.min
            for line in fixtures.lines(of: source) {
                let record = DemoRecord(source: source, raw: line)
                previous = record.instant?.millisecondsSinceEpoch ?? previous
                ordered.append((previous, ordered.count, record))
            }
        }
        ordered.sort { ($0.instant, $0.ordinal) < ($1.instant, $1.ordinal) }
        records = ordered.map(\.record)
        initialLoad = records.map { DemoMessage(source: $0.source, bytes: $0.raw) }
        random = DemoRandom(seed: seed)
    }

    /// How many messages one replay loop holds.
    public var messagesPerLoop: Int { records.count }

    /// The next replayed message, re-written for `now`; nil only when the fixtures are empty.
    public mutating func next(now: Timestamp) -> DemoMessage? {
        guard !records.isEmpty else { return nil }
        let record = records[position]
        let bytes = rewrite(record, now: now)
        position += 1
        if position == records.count {
            position = 0
            loop += 1
            envelopeIDs.removeAll(keepingCapacity: true)
            lastUpdated.removeAll(keepingCapacity: true)
        }
        return DemoMessage(source: record.source, bytes: bytes)
    }
}
