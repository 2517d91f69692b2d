import LiveState

/// Which events one `GET /events` stream wants: the `tickers`, `types` and `min_importance`
/// query parameters.
struct EventFilter: Sendable, Equatable {
    /// Upper-cased tickers in request order; nil: every ticker.
    var tickers: [String]?
    /// The families wanted; a delete follows its record's family.
    var families: Set<StoreEventFamily> = Set(StoreEventFamily.allCases)
    /// Ratings below this importance are left out; deletes of ratings, which carry none, and
    /// every other kind pass.
    var minImportance: Int?

    /// `tickers` for lookups; nil: every ticker.
    private var tickerSet: Set<String>?

    /// A filter; see the properties.
    init(tickers: [String]? = nil, families: Set<StoreEventFamily> = Set(StoreEventFamily.allCases), minImportance: Int? = nil) {
        self.tickers = tickers
        self.families = families
        self.minImportance = minImportance
        tickerSet = tickers.map(Set.init)
    }

    /// Whether `event` goes to this stream.
    @inline(__always)
    func matches(_ event: StoreEvent) -> Bool {
        guard families.contains(event.kind.family) else { return false }
        if let tickerSet, !tickerSet.contains(event.ticker) { return false }
        if let minImportance, event.kind == .rating, (event.importance ?? -1) < minImportance { return false }
        return true
    }
}
