/// The message examples of Benzinga's stream pages (`../shared/upstream/*.md`), byte for byte,
/// indentation included.
enum DocumentedExamples {
    static let rating = """
    {
      "id": "e9e75b31-604e-422c-a532-362725b2d59d",
      "api_version": "websocket/v1",
      "kind": "data/v2.1/calendar/ratings",
      "data": {
        "action": "created",
        "id": "66fffdc08f3f630001a2ea51",
        "timestamp": "2024-10-04T19:21:06Z",
        "content": {
          "ticker": "AAPL",
          "name": "Apple",
          "exchange": "NASDAQ",
          "date": "2024-10-04",
          "time": "10:37:52",
          "action_company": "Upgrades",
          "rating_current": "Buy",
          "rating_prior": "Neutral",
          "pt_current": "200.00",
          "pt_prior": "180.00",
          "analyst": "Goldman Sachs",
          "firm_id": "57f832ab6b87f600016fa383",
          "importance": 4
        }
      }
    }
    """

    static let consensus = """
    {
      "id": "e9e75b31-604e-422c-a532-362725b2d59d",
      "api_version": "websocket/v1",
      "kind": "data/v2.1/calendar/ratings",
      "data": {
        "aggregate_ratings": {
          "strong_buy": 15,
          "buy": 25,
          "hold": 8,
          "sell": 2,
          "strong_sell": 0
        },
        "aggregate_type": "number",
        "consensus_rating": "BUY",
        "consensus_rating_val": 4.2,
        "consensus_price_target": 195.50,
        "high_price_target": 225.00,
        "low_price_target": 160.00,
        "total_analyst_count": 50,
        "unique_analyst_count": 48,
        "updated_at": "2024-10-04T19:21:06Z"
      }
    }
    """

    static let insight = """
    {
      "id": "550e8400-e29b-41d4-a716-446655440000",
      "api_version": "websocket/v1",
      "kind": "stream_type",
      "data": {
        "action": "created",
        "id": "insight-id",
        "timestamp": "2024-10-08T10:00:00Z",
        "content": {
          "action": "Upgrades",
          "analyst_insights": "The analyst has upgraded the stock...",
          "firm": "Goldman Sachs",
          "pt": "150.00",
          "rating": "Buy",
          "security": {
            "symbol": "AAPL",
            "name": "Apple Inc.",
            "exchange": "NASDAQ"
          }
        }
      }
    }
    """
}
