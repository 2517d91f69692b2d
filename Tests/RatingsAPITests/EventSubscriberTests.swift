import LiveState
import Testing
@testable import RatingsAPI

/// What one `GET /events` stream makes of the broadcast messages: its bytes, once, in order.
struct EventSubscriberTests {
    func message(_ sequence: UInt64, _ kind: StoreEventKind = .consensus, ticker: String = "AAPL", importance: Int? = nil, document: String = #"{"a":1}"#) -> EventMessage {
        EventMessage(StoreEvent(sequence: sequence, kind: kind, ticker: ticker, importance: importance, document: Array(document.utf8)))
    }

    func received(by subscriber: EventSubscriber, _ messages: [EventMessage]) -> String {
        var output: [UInt8] = []
        for message in messages { subscriber.receive(message, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func theMessageHoldsTheWholeEventAsTheStoreEncodedIt() {
        for document in [#"{"a":1}"#, "{\n\"a\":1\n}"] {
            let event = StoreEvent(sequence: 7, kind: .rating, ticker: "AAPL", importance: 2, document: Array(document.utf8))
            var expected: [UInt8] = []
            event.append(to: &expected)
            var bytes: [UInt8] = []
            EventMessage(event).append(to: &bytes)
            #expect(bytes == expected)
        }
    }

    @Test func eventsUpToTheStartAreSkippedAndLaterOnesSentOnceInOrder() {
        let subscriber = EventSubscriber(filter: EventFilter(), lastSent: 2)
        let text = received(by: subscriber, [message(1), message(2), message(3), message(3), message(4)])
        #expect(text == "id: 3\nevent: consensus\ndata: {\"a\":1}\n\nid: 4\nevent: consensus\ndata: {\"a\":1}\n\n")
        #expect(subscriber.lastSent == 4)
    }

    @Test func eventsTheFilterRefusesAreNotSentButCountAsDealtWith() {
        let filter = EventFilter(tickers: ["MSFT"], families: [.rating], minImportance: 3)
        let subscriber = EventSubscriber(filter: filter, lastSent: 0)
        let text = received(by: subscriber, [
            message(1, .rating, ticker: "AAPL", importance: 5), message(2, .consensus, ticker: "MSFT"),
            message(3, .rating, ticker: "MSFT", importance: 2), message(4, .rating, ticker: "MSFT", importance: 3),
            message(5, .ratingDeleted, ticker: "MSFT"),
        ])
        #expect(text.components(separatedBy: "id: ").dropFirst().map { $0.prefix(1) } == ["4", "5"])
        #expect(subscriber.lastSent == 5)
    }
}
