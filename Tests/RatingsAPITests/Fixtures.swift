import LiveState

/// Documents in the shapes of SHAPES.md, and a store filled with them.
enum Fixtures {
    static func consensusJSON(_ ticker: String) -> String {
        #"{"ticker":"\#(ticker)","isin":null,"consensus_rating":"BUY","consensus_rating_normalized":"buy","#
            + #""consensus_rating_val":4.2,"consensus_price_target":195.5,"high_price_target":225.0,"#
            + #""low_price_target":160.0,"aggregate_type":"number","#
            + #""aggregate_ratings":{"strong_buy":15,"buy":25,"hold":8,"sell":2,"strong_sell":0},"#
            + #""total_analyst_count":50,"unique_analyst_count":48,"updated_at":"2024-10-04T19:21:06Z","#
            + #""received_at":"2024-10-04T19:21:06.120Z"}"#
    }

    static func ratingJSON(id: String, ticker: String, action: String) -> String {
        #"{"id":"\#(id)","ticker":"\#(ticker)","name":"Apple","exchange":"NASDAQ","isin":null,"cusip":null,"#
            + #""currency":"USD","date":"2024-10-04","time":"10:37:52","action_company":"Upgrades","#
            + #""action":"\#(action)","action_pt":"Raises","price_target_action":"raise","rating_current":"Buy","#
            + #""rating_current_normalized":"buy","rating_prior":"Neutral","rating_prior_normalized":"hold","#
            + #""pt_current":200.0,"pt_prior":180.0,"adjusted_pt_current":null,"adjusted_pt_prior":null,"#
            + #""pt_change_pct":11.11,"firm":"Goldman Sachs","firm_id":"57f832ab6b87f600016fa383","#
            + #""analyst_name":null,"analyst_id":null,"importance":4,"notes":null,"url":null,"#
            + #""url_calendar":null,"url_news":null,"updated_at":"2024-10-04T19:21:06Z","#
            + #""timestamp":"2024-10-04T19:21:06Z"}"#
    }

    static func insightJSON(id: String, ticker: String) -> String {
        #"{"id":"\#(id)","ticker":"\#(ticker)","name":"Apple Inc.","exchange":"NASDAQ","isin":null,"cik":null,"#
            + #""date":"2024-10-08","action_company":"Upgrades","action":"upgrade","rating":"Buy","#
            + #""rating_normalized":"buy","pt":150.0,"firm":"Goldman Sachs","firm_id":null,"rating_id":null,"#
            + #""analyst_insights":"The analyst has upgraded the stock...","#
            + #""updated_at":"2024-10-08T10:00:00Z","timestamp":"2024-10-08T10:00:00Z"}"#
    }

    static func overviewJSON(_ ticker: String) -> String {
        #"{"ticker":"\#(ticker)","name":"Apple","exchange":"NASDAQ","isin":null,"updated_at":"2024-10-04T19:21:06Z","#
            + #""consensus":\#(consensusJSON(ticker)),"ratings":[\#(ratingJSON(id: "r", ticker: ticker, action: "other"))],"#
            + #""insights":[\#(insightJSON(id: "i", ticker: ticker))],"ratings_count":1,"insights_count":1}"#
    }

    /// AAPL, MSFT and BRK/B with consensus; TSLA known (ratings) without one; 5 AAPL ratings
    /// alternating upgrade/downgrade, 2 MSFT ratings and 3 insights.
    static func contents() -> FakeStore.Contents {
        var store = FakeStore.Contents()
        for (index, ticker) in ["AAPL", "MSFT", "BRK/B"].enumerated() {
            store.consensus[ticker] = Document(json: Array(consensusJSON(ticker).utf8), version: UInt64(0x1a2b + index))
            store.tickerDocuments[ticker] = Document(json: Array(overviewJSON(ticker).utf8), version: UInt64(0x300 + index))
        }
        let rows = ["AAPL", "BRK/B", "MSFT", "TSLA"].map { ticker in
            #"{"ticker":"\#(ticker)","name":null,"exchange":"NYSE","isin":null,"updated_at":"2024-10-04T19:21:06Z","#
                + #""ratings_count":2,"insights_count":0,"has_consensus":\#(ticker != "TSLA")}"#
        }
        store.tickers = Document(json: Array(#"{"data":["#.utf8) + Array(rows.joined(separator: ",").utf8) + Array("]}".utf8), version: 7)
        for index in 0..<5 {
            let action = index.isMultiple(of: 2) ? "upgrade" : "downgrade"
            store.ratingRecords.append(record(id: "aapl-\(index)", ticker: "AAPL", action: action))
        }
        store.ratingRecords.append(record(id: "msft-0", ticker: "MSFT", action: "maintain"))
        store.ratingRecords.append(record(id: "tsla-0", ticker: "TSLA", action: "initiate"))
        store.ratingRecords.append(record(id: "msft-1", ticker: "MSFT", action: "upgrade"))
        for index in 0..<3 {
            let id = "insight-\(index)"
            store.insightRecords.append(FakeStore.Record(
                id: id, ticker: "AAPL", action: "upgrade", json: Array(insightJSON(id: id, ticker: "AAPL").utf8)))
        }
        return store
    }

    /// A store holding `contents()`.
    static func store() -> FakeStore { FakeStore(contents()) }

    private static func record(id: String, ticker: String, action: String) -> FakeStore.Record {
        FakeStore.Record(id: id, ticker: ticker, action: action, json: Array(ratingJSON(id: id, ticker: ticker, action: action).utf8))
    }
}
