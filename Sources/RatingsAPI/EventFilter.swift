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
    /// `families` as bits (`Facts.familyBit`), tested for every event without hashing.
    private var familyMask: UInt8

    /// What a filter looks at in one event, taken from it once however many filters test it.
    struct Facts: Sendable {
        /// One bit per `StoreEventFamily`, in declaration order.
        let familyBit: UInt8
        let ticker: String
        /// Whether the event is a rating (not its delete), which `min_importance` applies to.
        let isRating: Bool
        /// The rating's importance; -1 when it has none.
        let importance: Int

        /// The facts of `event`.
        init(_ event: StoreEvent) {
            familyBit = EventFilter.bit(event.kind.family)
            ticker = event.ticker
            isRating = event.kind == .rating
            importance = event.importance ?? -1
        }
    }

    /// A filter; see the properties.
    init(tickers: [String]? = nil, families: Set<StoreEventFamily> = Set(StoreEventFamily.allCases), minImportance: Int? = nil) {
        self.tickers = tickers
        self.families = families
        self.minImportance = minImportance
        tickerSet = tickers.map(Set.init)
        familyMask = families.reduce(0) { $0 | Self.bit($1) }
    }

    /// Whether `event` goes to this stream.
    @inline(__always)
    func matches(_ event: StoreEvent) -> Bool {
        matches(Facts(event))
    }

    /// Whether the event with these facts goes to this stream.
    @inline(__always)
    func matches(_ facts: Facts) -> Bool {
        guard familyMask & facts.familyBit != 0 else { return false }
        if let tickerSet, !tickerSet.contains(facts.ticker) { return false }
        if let minImportance, facts.isRating, facts.importance < minImportance { return false }
        return true
    }

    /// The bit of `family` in a mask.
    static func bit(_ family: StoreEventFamily) -> UInt8 {
        switch family {
        case .rating: 1
        case .consensus: 2
        case .insight: 4
        }
    }
}
