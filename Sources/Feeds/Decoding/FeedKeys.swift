/// Every member name the decoders read, hashed once, and the paths they are read under.
enum FeedKeys {
    static let id = JSONKey("id")
    static let data = JSONKey("data")
    static let action = JSONKey("action")
    static let timestamp = JSONKey("timestamp")
    static let content = JSONKey("content")
    static let updated = JSONKey("updated")

    // Ratings
    static let ticker = JSONKey("ticker")
    static let name = JSONKey("name")
    static let exchange = JSONKey("exchange")
    static let isin = JSONKey("isin")
    static let cusip = JSONKey("cusip")
    static let currency = JSONKey("currency")
    static let date = JSONKey("date")
    static let time = JSONKey("time")
    static let actionCompany = JSONKey("action_company")
    static let actionPT = JSONKey("action_pt")
    static let ratingCurrent = JSONKey("rating_current")
    static let ratingPrior = JSONKey("rating_prior")
    static let ptCurrent = JSONKey("pt_current")
    static let ptPrior = JSONKey("pt_prior")
    static let adjustedPTCurrent = JSONKey("adjusted_pt_current")
    static let adjustedPTPrior = JSONKey("adjusted_pt_prior")
    static let analyst = JSONKey("analyst")
    static let analystID = JSONKey("analyst_id")
    static let analystName = JSONKey("analyst_name")
    static let firmID = JSONKey("firm_id")
    static let importance = JSONKey("importance")
    static let notes = JSONKey("notes")
    static let url = JSONKey("url")
    static let urlCalendar = JSONKey("url_calendar")
    static let urlNews = JSONKey("url_news")

    // Insights
    static let analystInsights = JSONKey("analyst_insights")
    static let firm = JSONKey("firm")
    static let pt = JSONKey("pt")
    static let rating = JSONKey("rating")
    static let ratingID = JSONKey("rating_id")
    static let security = JSONKey("security")
    static let symbol = JSONKey("symbol")
    static let cik = JSONKey("cik")

    // Consensus
    static let aggregateRatings = JSONKey("aggregate_ratings")
    static let aggregateType = JSONKey("aggregate_type")
    static let consensusRating = JSONKey("consensus_rating")
    static let consensusRatingValue = JSONKey("consensus_rating_val")
    static let consensusPriceTarget = JSONKey("consensus_price_target")
    static let highPriceTarget = JSONKey("high_price_target")
    static let lowPriceTarget = JSONKey("low_price_target")
    static let totalAnalystCount = JSONKey("total_analyst_count")
    static let uniqueAnalystCount = JSONKey("unique_analyst_count")
    static let updatedAt = JSONKey("updated_at")
    static let strongBuy = JSONKey("strong_buy")
    static let strongBuyHyphen = JSONKey("strong-buy")
    static let buy = JSONKey("buy")
    static let hold = JSONKey("hold")
    static let sell = JSONKey("sell")
    static let strongSell = JSONKey("strong_sell")
    static let strongSellHyphen = JSONKey("strong-sell")

    // Paths
    static let root = FieldPath("")
    static let dataPath = FieldPath("data")
    static let contentPath = FieldPath("data.content")
    static let securityPath = FieldPath("data.content.security")
    static let aggregatePath = FieldPath("data.aggregate_ratings")
    static let contentAggregatePath = FieldPath("data.content.aggregate_ratings")
}

extension FeedKeys {
    /// Every member name above, so the parser reuses these strings instead of building them.
    static let table = JSONKeyTable([
        id, data, action, timestamp, content, updated, ticker, name, exchange, isin, cusip, currency, date, time,
        actionCompany, actionPT, ratingCurrent, ratingPrior, ptCurrent, ptPrior, adjustedPTCurrent, adjustedPTPrior,
        analyst, analystID, analystName, firmID, importance, notes, url, urlCalendar, urlNews, analystInsights, firm,
        pt, rating, ratingID, security, symbol, cik, aggregateRatings, aggregateType, consensusRating,
        consensusRatingValue, consensusPriceTarget, highPriceTarget, lowPriceTarget, totalAnalystCount,
        uniqueAnalystCount, updatedAt, strongBuy, strongBuyHyphen, buy, hold, sell, strongSell, strongSellHyphen,
        JSONKey("api_version"), JSONKey("kind"),
    ].map(\.name))
}
