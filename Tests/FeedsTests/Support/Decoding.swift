@testable import Feeds
import LiveState
import Testing

/// Shorthands for decoder tests.
enum Decoding {
    static func decode(
        _ text: String, _ source: FeedSource, subscription: FeedSubscription = .unfiltered,
        isins: [String: String] = [:], limits: FeedLimits = FeedLimits()
    ) -> Result<FeedMessage, DecodeFailure> {
        FeedDecoder(limits: limits).decode(Array(text.utf8), source: source, subscription: subscription, resolveISIN: { isins[$0] })
    }

    static func rating(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (ChangeAction, Rating) {
        let message = try decode(text, .ratings).get()
        guard case .rating(let action, let rating) = message.change else {
            Issue.record("expected a rating, got \(message.change)", sourceLocation: sourceLocation)
            throw DecodeFailure(.invalidValue, "not a rating")
        }
        return (action, rating)
    }

    static func failure(
        _ text: String, _ source: FeedSource, subscription: FeedSubscription = .unfiltered, isins: [String: String] = [:],
        limits: FeedLimits = FeedLimits()
    ) -> DecodeFailure? {
        if case .failure(let failure) = decode(text, source, subscription: subscription, isins: isins, limits: limits) { return failure }
        return nil
    }

    /// A compact rating message whose content members are given as JSON text.
    static func ratingMessage(action: String = "created", id: String = "r1", content: String) -> String {
        #"{"id":"env-1","api_version":"websocket/v1","kind":"data/v2.1/calendar/ratings","data":{"action":"\#(action)","id":"\#(id)","timestamp":"2026-01-09T14:05:00Z","content":{\#(content)}}}"#
    }

    /// A compact insight message whose content members are given as JSON text.
    static func insightMessage(action: String = "created", id: String = "i1", content: String) -> String {
        #"{"id":"env-2","api_version":"websocket/v1","kind":"stream_type","data":{"action":"\#(action)","id":"\#(id)","timestamp":"2026-01-09T15:00:00Z","content":{\#(content)}}}"#
    }

    /// A compact consensus message whose data members are given as JSON text.
    static func consensusMessage(_ data: String) -> String {
        #"{"id":"env-3","api_version":"websocket/v1","kind":"data/v2.1/calendar/ratings","data":{\#(data)}}"#
    }
}
