import LiveState

/// Decodes the `data` of a consensus-stream message into a change.
///
/// The documented payload names no security, so the tie comes, in this order, from a field the
/// upstream adds (`ticker`, `symbol`, `security.symbol`; two of them naming different tickers is
/// ambiguous and refused), from an `isin` (or `security.isin`) the store already knows, or from
/// a subscription of exactly one ticker. Tied to nothing, the message is refused: never a guess.
/// Should upstream ever wrap the payload like the other streams, `data.content` is read instead.
/// The schema's `required` list (`aggregate_ratings`, `aggregate_type`, `consensus_rating`) is
/// not enforced field by field: any one consensus figure makes the message worth keeping, and
/// one with none at all is refused.
enum ConsensusMessageDecoder {
    /// The consensus carried by `data`, tied to a ticker, or why it cannot be.
    static func decode(
        _ data: FieldReader, subscription: FeedSubscription, resolveISIN: (String) -> String?
    ) throws(DecodeFailure) -> Change {
        let consensus = try consensus(data, subscription: subscription, resolveISIN: resolveISIN)
        return .consensus(consensus)
    }

    /// The consensus itself. A function of its own so the finished value is returned and moved
    /// into the change (built and wrapped in one function, it was copied, as `RatingMessageDecoder`
    /// explains).
    private static func consensus(
        _ data: FieldReader, subscription: FeedSubscription, resolveISIN: (String) -> String?
    ) throws(DecodeFailure) -> Consensus {
        let payload = try data.object(FeedKeys.content, path: FeedKeys.contentPath) ?? data
        let wrapped = payload.path.parent != data.path.parent
        let tie = try ConsensusTie(payload: payload, data: wrapped ? data : nil)
        let ticker = try tie.resolve(subscription: subscription, resolveISIN: resolveISIN)
        var consensus = Consensus(ticker: ticker)
        consensus.isin = tie.isin
        let aggregatePath = wrapped ? FeedKeys.contentAggregatePath : FeedKeys.aggregatePath
        if let aggregate = try payload.object(FeedKeys.aggregateRatings, path: aggregatePath) {
            consensus.aggregateRatings = try aggregateRatings(aggregate)
        }
        consensus.aggregateType = try payload.string(FeedKeys.aggregateType)
        consensus.consensusRating = try payload.string(FeedKeys.consensusRating)
        consensus.consensusRatingValue = try payload.score(FeedKeys.consensusRatingValue)
        consensus.consensusPriceTarget = try payload.price(FeedKeys.consensusPriceTarget)
        consensus.highPriceTarget = try payload.price(FeedKeys.highPriceTarget)
        consensus.lowPriceTarget = try payload.price(FeedKeys.lowPriceTarget)
        consensus.totalAnalystCount = try payload.count(FeedKeys.totalAnalystCount)
        consensus.uniqueAnalystCount = try payload.count(FeedKeys.uniqueAnalystCount)
        consensus.updatedAt = try payload.instant(FeedKeys.updatedAt, easternWallClock: true)
        let buckets = consensus.aggregateRatings
        let hasFigures = [buckets.strongBuy, buckets.buy, buckets.hold, buckets.sell, buckets.strongSell,
                          consensus.consensusRatingValue, consensus.consensusPriceTarget,
                          consensus.highPriceTarget, consensus.lowPriceTarget].contains { $0 != nil }
        guard hasFigures || consensus.consensusRating != nil else {
            throw DecodeFailure(.missingField, "consensus message for \(ticker) carries no consensus figures")
        }
        return consensus
    }

    /// The five buckets; `strong_sell` and `strong-sell` (and the `strong_buy` pair) are the same
    /// bucket, and giving both is ambiguous.
    private static func aggregateRatings(_ aggregate: FieldReader) throws(DecodeFailure) -> AggregateRatings {
        AggregateRatings(
            strongBuy: try either(aggregate, FeedKeys.strongBuy, FeedKeys.strongBuyHyphen),
            buy: try aggregate.share(FeedKeys.buy),
            hold: try aggregate.share(FeedKeys.hold),
            sell: try aggregate.share(FeedKeys.sell),
            strongSell: try either(aggregate, FeedKeys.strongSell, FeedKeys.strongSellHyphen)
        )
    }

    private static func either(_ aggregate: FieldReader, _ underscore: JSONKey, _ hyphen: JSONKey) throws(DecodeFailure) -> Double? {
        let first = try aggregate.share(underscore)
        let second = try aggregate.share(hyphen)
        if first != nil && second != nil {
            throw DecodeFailure(.ambiguous, "\(aggregate.path.naming(underscore)) and \(aggregate.path.naming(hyphen)) are both given")
        }
        return first ?? second
    }
}
