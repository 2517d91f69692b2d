/// The insight document of SHAPES.md.
extension Insight {
    /// The insight's JSON object, as served by `GET /insights/{id}` and inside lists.
    public func renderedJSON() -> [UInt8] {
        var json = JSONWriter(capacity: 640 + (analystInsights?.utf8.count ?? 0) + (name?.utf8.count ?? 0))
        render(into: &json)
        return json.bytes
    }

    /// Appends the insight's JSON object; `action_company` is upstream's `content.action` as
    /// given, `action` its normalised form.
    public func render(into json: inout JSONWriter) {
        json.raw("{\"id\":"); json.string(id)
        json.raw(",\"ticker\":"); json.string(ticker)
        json.raw(",\"name\":"); json.string(name)
        json.raw(",\"exchange\":"); json.string(exchange)
        json.raw(",\"isin\":"); json.string(isin)
        json.raw(",\"cik\":"); json.string(cik)
        json.raw(",\"date\":"); json.string(date)
        json.raw(",\"action_company\":"); json.string(action)
        json.raw(",\"action\":"); json.string(RatingAction(normalizing: action)?.rawValue)
        json.raw(",\"rating\":"); json.string(rating)
        json.raw(",\"rating_normalized\":"); json.string(RatingScale(normalizing: rating)?.rawValue)
        json.raw(",\"pt\":"); json.double(priceTarget)
        json.raw(",\"firm\":"); json.string(firm)
        json.raw(",\"firm_id\":"); json.string(firmID)
        json.raw(",\"rating_id\":"); json.string(ratingID)
        json.raw(",\"analyst_insights\":"); json.string(analystInsights)
        json.raw(",\"updated_at\":"); json.timestamp(updated)
        json.raw(",\"timestamp\":"); json.timestamp(timestamp)
        json.byte(UInt8(ascii: "}"))
    }
}
