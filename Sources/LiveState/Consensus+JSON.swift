/// The consensus document of SHAPES.md.
extension Consensus {
    /// The consensus JSON object; `receivedAt` is when ratingsd applied it (honest freshness:
    /// upstream's `updated_at` says when the figure was computed, not when we learned it).
    public func renderedJSON(receivedAt: Timestamp) -> [UInt8] {
        var json = JSONWriter(capacity: 512)
        render(into: &json, receivedAt: receivedAt)
        return json.bytes
    }

    /// Appends the consensus JSON object. Bucket counts render as integers when integral
    /// (`15`), percentages keep their fractions.
    public func render(into json: inout JSONWriter, receivedAt: Timestamp) {
        json.raw("{\"ticker\":"); json.string(ticker)
        json.raw(",\"isin\":"); json.string(isin)
        json.raw(",\"consensus_rating\":"); json.string(consensusRating)
        json.raw(",\"consensus_rating_normalized\":")
        json.string(RatingScale(normalizing: consensusRating)?.rawValue)
        json.raw(",\"consensus_rating_val\":"); json.double(consensusRatingValue)
        json.raw(",\"consensus_price_target\":"); json.double(consensusPriceTarget)
        json.raw(",\"high_price_target\":"); json.double(highPriceTarget)
        json.raw(",\"low_price_target\":"); json.double(lowPriceTarget)
        json.raw(",\"aggregate_type\":"); json.string(aggregateType)
        json.raw(",\"aggregate_ratings\":{\"strong_buy\":"); json.count(aggregateRatings.strongBuy)
        json.raw(",\"buy\":"); json.count(aggregateRatings.buy)
        json.raw(",\"hold\":"); json.count(aggregateRatings.hold)
        json.raw(",\"sell\":"); json.count(aggregateRatings.sell)
        json.raw(",\"strong_sell\":"); json.count(aggregateRatings.strongSell)
        json.raw("},\"total_analyst_count\":"); json.integer(totalAnalystCount)
        json.raw(",\"unique_analyst_count\":"); json.integer(uniqueAnalystCount)
        json.raw(",\"updated_at\":"); json.timestamp(updatedAt)
        json.raw(",\"received_at\":"); json.timestamp(receivedAt)
        json.byte(UInt8(ascii: "}"))
    }
}
