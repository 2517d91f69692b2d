@testable import Feeds
import LiveState
import Testing

@Suite struct InsightMessageDecoderTests {
    @Test func decodesTheDocumentedExampleByteForByte() throws {
        let message = try Decoding.decode(DocumentedExamples.insight, .insights).get()
        #expect(message.source == .insights)
        #expect(message.envelopeID == "550e8400-e29b-41d4-a716-446655440000")
        guard case .insight(let action, let insight) = message.change else { Issue.record("not an insight"); return }
        #expect(action == .created)
        var expected = Insight(id: "insight-id", ticker: "AAPL")
        expected.name = "Apple Inc."
        expected.exchange = "NASDAQ"
        expected.action = "Upgrades"
        expected.rating = "Buy"
        expected.priceTarget = 150
        expected.firm = "Goldman Sachs"
        expected.analystInsights = "The analyst has upgraded the stock..."
        expected.timestamp = Timestamp(rfc3339: "2024-10-08T10:00:00Z")
        #expect(insight == expected)
    }

    @Test func readsUpdatedInMillisecondsAndTheRestOfTheSecurity() throws {
        let text = Decoding.insightMessage(content: #""security":{"symbol":"aapl","isin":"US0378331005","cik":"0000320193"},"updated":1696790400000,"pt":"","rating_id":"r1","firm_id":"f1","date":"2023-10-08""#)
        guard case .insight(_, let insight) = try Decoding.decode(text, .insights).get().change else { Issue.record("not an insight"); return }
        #expect(insight.ticker == "AAPL")
        #expect(insight.isin == "US0378331005")
        #expect(insight.cik == "0000320193")
        #expect(insight.updated == Timestamp(rfc3339: "2023-10-08T18:40:00Z"))
        #expect(insight.priceTarget == nil)
        #expect(insight.ratingID == "r1")
        #expect(insight.date == "2023-10-08")
    }

    @Test func acceptsAFlatTickerOnlyWhenThereIsNoSecurityObject() throws {
        let flat = Decoding.insightMessage(content: #""ticker":"MSFT""#)
        guard case .insight(_, let insight) = try Decoding.decode(flat, .insights).get().change else { Issue.record("not an insight"); return }
        #expect(insight.ticker == "MSFT")
        let none = Decoding.failure(Decoding.insightMessage(content: #""firm":"UBS""#), .insights)
        #expect(none == DecodeFailure(.missingField, "data.content.security.symbol is missing"))
        let emptySecurity = Decoding.failure(Decoding.insightMessage(content: #""security":{"name":"Apple"}"#), .insights)
        #expect(emptySecurity == DecodeFailure(.missingField, "data.content.security.symbol is missing"))
        let wrong = Decoding.failure(Decoding.insightMessage(content: #""security":"AAPL""#), .insights)
        #expect(wrong == DecodeFailure(.wrongType, #"data.content.security: expected an object, got "AAPL""#))
    }

    @Test func turnsADeleteIntoADeletion() throws {
        let text = Decoding.insightMessage(action: "Deleted", id: "i7", content: #""id":"i7","updated":1767674824000"#)
        let change = try Decoding.decode(text, .insights).get().change
        #expect(change == .insightDeleted(id: "i7", updated: Timestamp(millisecondsSinceEpoch: 1_767_674_824_000), timestamp: Timestamp(rfc3339: "2026-01-09T15:00:00Z")))
    }

    @Test func refusesAPriceTargetArray() {
        let failure = Decoding.failure(Decoding.insightMessage(content: #""security":{"symbol":"AAPL"},"pt":["150.00"]"#), .insights)
        #expect(failure == DecodeFailure(.wrongType, "data.content.pt: expected a price (a number or a numeric string), got an array"))
    }
}
