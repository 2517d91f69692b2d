import LiveState

/// Decodes the `data` of a ratings-stream message into a change.
///
/// Follows the documented example rather than the schema's `required` list: the example has no
/// `content.id`, `updated` or `isin`, so only `data.action`, `data.id` and (for creates and
/// updates) `content.ticker` are required. `analyst` names the firm, not the person.
enum RatingMessageDecoder {
    /// The change carried by `data`, or why there is none.
    static func decode(_ data: FieldReader) throws(DecodeFailure) -> Change {
        let envelope = try RecordEnvelope(data)
        if envelope.action == .deleted {
            return .ratingDeleted(id: envelope.id, updated: try envelope.deletedUpdated, timestamp: envelope.timestamp)
        }
        let rating = try rating(envelope, content: try envelope.requiredContent(data))
        return .rating(envelope.action, rating)
    }

    /// The rating a create or update carries. A function of its own so the finished rating is
    /// returned and moved into the change: built in place and wrapped in the same function, it
    /// was copied into the change (every string retained) and the original destroyed.
    private static func rating(_ envelope: RecordEnvelope, content: FieldReader) throws(DecodeFailure) -> Rating {
        guard let ticker = try content.ticker(FeedKeys.ticker) else { throw content.missing(FeedKeys.ticker) }
        var rating = Rating(id: envelope.id, ticker: ticker)
        rating.timestamp = envelope.timestamp
        rating.name = try content.string(FeedKeys.name)
        rating.exchange = try content.string(FeedKeys.exchange)
        rating.isin = try content.isin(FeedKeys.isin, strict: false)
        rating.cusip = try content.repeatingIdentifier(FeedKeys.cusip)
        rating.currency = try content.string(FeedKeys.currency)
        rating.date = try content.date(FeedKeys.date)
        rating.time = try content.time(FeedKeys.time)
        rating.actionCompany = try content.string(FeedKeys.actionCompany)
        rating.actionPriceTarget = try content.string(FeedKeys.actionPT)
        rating.ratingCurrent = try content.string(FeedKeys.ratingCurrent)
        rating.ratingPrior = try content.string(FeedKeys.ratingPrior)
        rating.priceTargetCurrent = try content.price(FeedKeys.ptCurrent)
        rating.priceTargetPrior = try content.price(FeedKeys.ptPrior)
        rating.adjustedPriceTargetCurrent = try content.price(FeedKeys.adjustedPTCurrent)
        rating.adjustedPriceTargetPrior = try content.price(FeedKeys.adjustedPTPrior)
        rating.firm = try content.string(FeedKeys.analyst)
        rating.firmID = try content.repeatingIdentifier(FeedKeys.firmID)
        rating.analystName = try content.string(FeedKeys.analystName)
        rating.analystID = try content.repeatingIdentifier(FeedKeys.analystID)
        rating.importance = try content.importance(FeedKeys.importance)
        rating.notes = try content.text(FeedKeys.notes)
        rating.url = try content.string(FeedKeys.url)
        rating.urlCalendar = try content.string(FeedKeys.urlCalendar)
        rating.urlNews = try content.string(FeedKeys.urlNews)
        rating.updated = try content.epoch(FeedKeys.updated)
        return rating
    }
}
