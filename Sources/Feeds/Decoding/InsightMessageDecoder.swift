import LiveState

/// Decodes the `data` of an analyst-insights message into a change.
///
/// The security is `content.security.symbol` (there is no `content.ticker` in this stream);
/// should upstream ever flatten it, a `content.ticker` or `content.symbol` is accepted when
/// there is no `security` object, since it still names the security explicitly.
enum InsightMessageDecoder {
    /// The change carried by `data`, or why there is none.
    static func decode(_ data: FieldReader) throws(DecodeFailure) -> Change {
        let envelope = try RecordEnvelope(data)
        if envelope.action == .deleted {
            return .insightDeleted(id: envelope.id, updated: try envelope.deletedUpdated, timestamp: envelope.timestamp)
        }
        let insight = try insight(envelope, content: try envelope.requiredContent(data))
        return .insight(envelope.action, insight)
    }

    /// The insight a create or update carries, returned from a function of its own so it moves
    /// into the change (see `RatingMessageDecoder.rating`).
    private static func insight(_ envelope: RecordEnvelope, content: FieldReader) throws(DecodeFailure) -> Insight {
        let security = try content.object(FeedKeys.security, path: FeedKeys.securityPath)
        let ticker: String
        if let security {
            guard let symbol = try security.ticker(FeedKeys.symbol) else { throw security.missing(FeedKeys.symbol) }
            ticker = symbol
        } else if let flat = try content.ticker(FeedKeys.ticker) {
            ticker = flat
        } else if let flat = try content.ticker(FeedKeys.symbol) {
            ticker = flat
        } else {
            throw DecodeFailure(.missingField, "data.content.security.symbol is missing")
        }
        var insight = Insight(id: envelope.id, ticker: ticker)
        insight.timestamp = envelope.timestamp
        insight.name = try security?.string(FeedKeys.name)
        insight.exchange = try security?.string(FeedKeys.exchange)
        insight.isin = try security?.isin(FeedKeys.isin, strict: false)
        insight.cik = try security?.repeatingIdentifier(FeedKeys.cik)
        insight.action = try content.string(FeedKeys.action)
        insight.rating = try content.string(FeedKeys.rating)
        insight.priceTarget = try content.price(FeedKeys.pt)
        insight.firm = try content.string(FeedKeys.firm)
        insight.firmID = try content.repeatingIdentifier(FeedKeys.firmID)
        insight.date = try content.date(FeedKeys.date)
        insight.analystInsights = try content.text(FeedKeys.analystInsights)
        insight.ratingID = try content.identifier(FeedKeys.ratingID)
        insight.updated = try content.epoch(FeedKeys.updated)
        return insight
    }
}
