@testable import Feeds
import Testing

@Suite struct FeedKeysTests {
    @Test func theParserReusesEveryKeyTheDecodersRead() {
        let names = ["id", "data", "action", "content", "ticker", "adjusted_pt_current", "analyst_insights", "strong-sell",
                     "consensus_price_target", "unique_analyst_count", "updated_at", "api_version", "kind"]
        for name in names {
            let bytes = Array(name.utf8)
            let found = bytes.withUnsafeBufferPointer { FeedKeys.table.name(hash: JSONKey.hash(of: name), bytes: $0) }
            #expect(found == name)
        }
        let unknown = Array("tickers".utf8).withUnsafeBufferPointer { FeedKeys.table.name(hash: JSONKey.hash(of: "tickers"), bytes: $0) }
        #expect(unknown == nil)
    }

    @Test func aHashCollisionNeverReturnsAnotherName() {
        let bytes = Array("tickes".utf8)
        let found = bytes.withUnsafeBufferPointer { FeedKeys.table.name(hash: JSONKey.hash(of: "ticker"), bytes: $0) }
        #expect(found == nil)
    }
}
