import Foundation
@testable import LiveState

/// Builders and JSON helpers shared by the LiveState tests.
enum TestFixtures {
    static let receivedAt = Timestamp(millisecondsSinceEpoch: 1_728_069_666_120)

    static func seconds(_ value: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: value * 1000) }

    static func rating(
        _ id: String, ticker: String = "AAPL", date: String? = "2024-10-04", time: String? = "10:37:52",
        updated: Int64? = 1_728_069_666, timestamp: Int64? = nil, action: String? = "Upgrades",
        firm: String? = "Goldman Sachs", firmID: String? = "57f832ab6b87f600016fa383",
        importance: Int? = 4, priceTarget: Double? = 200
    ) -> Rating {
        var rating = Rating(id: id, ticker: ticker)
        rating.date = date
        rating.time = time
        rating.updated = updated.map(seconds)
        rating.timestamp = timestamp.map(seconds)
        rating.actionCompany = action
        rating.firm = firm
        rating.firmID = firmID
        rating.importance = importance
        rating.priceTargetCurrent = priceTarget
        return rating
    }

    static func insight(
        _ id: String, ticker: String = "AAPL", date: String? = "2024-10-08", updated: Int64? = 1_728_381_600,
        action: String? = "Upgrades", firm: String? = "Goldman Sachs"
    ) -> Insight {
        var insight = Insight(id: id, ticker: ticker)
        insight.date = date
        insight.updated = updated.map(seconds)
        insight.action = action
        insight.firm = firm
        insight.analystInsights = "The analyst has upgraded the stock."
        return insight
    }

    static func consensus(_ ticker: String = "AAPL", updated: Int64? = 1_728_069_666, target: Double = 195.5) -> Consensus {
        var consensus = Consensus(ticker: ticker, aggregateRatings: AggregateRatings(strongBuy: 15, buy: 25, hold: 8, sell: 2, strongSell: 0))
        consensus.consensusRating = "BUY"
        consensus.consensusPriceTarget = target
        consensus.updatedAt = updated.map(seconds)
        return consensus
    }

    static func message(_ change: Change, envelope: String? = nil) -> FeedMessage {
        let source: FeedSource
        switch change {
        case .rating, .ratingDeleted: source = .ratings
        case .insight, .insightDeleted: source = .insights
        case .consensus: source = .consensus
        }
        return FeedMessage(source: source, envelopeID: envelope, change: change)
    }

    /// Applies a change with a fresh envelope id unless one is given.
    @discardableResult
    static func apply(_ store: Store, _ change: Change, envelope: String? = nil, at: Timestamp = receivedAt) -> ApplyOutcome {
        store.apply(message(change, envelope: envelope), receivedAt: at)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Parses bytes as a JSON object; nil when they are not one.
    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    static func ids(_ page: RecordPage) -> [String] {
        page.items.compactMap { object($0)?["id"] as? String }
    }
}
