/// The rating document of SHAPES.md: every key always present, absent values `null`, words as
/// upstream sent them next to their normalised forms.
extension Rating {
    /// The rating's JSON object, as served by `GET /ratings/{id}` and inside lists.
    public func renderedJSON() -> [UInt8] {
        renderedJSON(action: RatingAction(normalizing: actionCompany))
    }

    /// The JSON object with `action`, the already normalised `actionCompany`.
    func renderedJSON(action: RatingAction?) -> [UInt8] {
        var json = JSONWriter(capacity: renderedCapacity)
        render(into: &json, action: action)
        return json.bytes
    }

    /// Room for the whole document in one allocation: the keys and punctuation (some 600
    /// bytes), numbers and timestamps, and the text fields as they are (escapes are rare).
    private var renderedCapacity: Int {
        func length(_ text: String?) -> Int { text?.utf8.count ?? 0 }
        let identity = id.utf8.count + ticker.utf8.count + length(name) + length(exchange) + length(isin)
            + length(cusip) + length(currency) + length(date) + length(time)
        let words = length(actionCompany) + length(actionPriceTarget) + length(ratingCurrent) + length(ratingPrior)
        let people = length(firm) + length(firmID) + length(analystName) + length(analystID)
        let links = length(notes) + length(url) + length(urlCalendar) + length(urlNews)
        return 800 + identity + words + people + links
    }

    /// `(pt_current - pt_prior) / pt_prior * 100` rounded to 2 decimals; nil when either is
    /// absent or the prior is 0 (no meaningful change can be stated).
    public var priceTargetChangePercent: Double? {
        guard let current = priceTargetCurrent, let prior = priceTargetPrior, prior != 0 else { return nil }
        let percent = (current - prior) / prior * 100
        guard percent.isFinite else { return nil }
        return (percent * 100).rounded() / 100
    }

    /// Appends the rating's JSON object.
    public func render(into json: inout JSONWriter) {
        render(into: &json, action: RatingAction(normalizing: actionCompany))
    }

    /// Appends the rating's JSON object with `action`, the already normalised `actionCompany`.
    func render(into json: inout JSONWriter, action: RatingAction?) {
        json.raw("{\"id\":"); json.string(id)
        json.raw(",\"ticker\":"); json.string(ticker)
        json.raw(",\"name\":"); json.string(name)
        json.raw(",\"exchange\":"); json.string(exchange)
        json.raw(",\"isin\":"); json.string(isin)
        json.raw(",\"cusip\":"); json.string(cusip)
        json.raw(",\"currency\":"); json.string(currency)
        json.raw(",\"date\":"); json.string(date)
        json.raw(",\"time\":"); json.string(time)
        json.raw(",\"action_company\":"); json.string(actionCompany)
        json.raw(",\"action\":"); json.string(action?.rawValue)
        json.raw(",\"action_pt\":"); json.string(actionPriceTarget)
        json.raw(",\"price_target_action\":")
        json.string(PriceTargetAction(normalizing: actionPriceTarget)?.rawValue)
        json.raw(",\"rating_current\":"); json.string(ratingCurrent)
        json.raw(",\"rating_current_normalized\":"); json.string(RatingScale(normalizing: ratingCurrent)?.rawValue)
        json.raw(",\"rating_prior\":"); json.string(ratingPrior)
        json.raw(",\"rating_prior_normalized\":"); json.string(RatingScale(normalizing: ratingPrior)?.rawValue)
        json.raw(",\"pt_current\":"); json.double(priceTargetCurrent)
        json.raw(",\"pt_prior\":"); json.double(priceTargetPrior)
        json.raw(",\"adjusted_pt_current\":"); json.double(adjustedPriceTargetCurrent)
        json.raw(",\"adjusted_pt_prior\":"); json.double(adjustedPriceTargetPrior)
        json.raw(",\"pt_change_pct\":"); json.double(priceTargetChangePercent)
        json.raw(",\"firm\":"); json.string(firm)
        json.raw(",\"firm_id\":"); json.string(firmID)
        json.raw(",\"analyst_name\":"); json.string(analystName)
        json.raw(",\"analyst_id\":"); json.string(analystID)
        json.raw(",\"importance\":"); json.integer(importance)
        json.raw(",\"notes\":"); json.string(notes)
        json.raw(",\"url\":"); json.string(url)
        json.raw(",\"url_calendar\":"); json.string(urlCalendar)
        json.raw(",\"url_news\":"); json.string(urlNews)
        json.raw(",\"updated_at\":"); json.timestamp(updated)
        json.raw(",\"timestamp\":"); json.timestamp(timestamp)
        json.byte(UInt8(ascii: "}"))
    }
}
