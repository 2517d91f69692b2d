/// A `RecordQuery`'s filters compiled once per query into cheap per-record checks (tickers are
/// not here: they choose which ordered lists are read).
struct RecordFilter: Sendable {
    /// Bit `n` set keeps records whose action is the `n`th `RatingAction`; nil keeps all.
    private let actionMask: UInt32?
    private let firm: String?
    private let minImportance: Int?
    private let since: Timestamp?
    private let until: Timestamp?

    /// Compiles the query's filters; unknown action names match nothing.
    init(_ query: RecordQuery) {
        if let actions = query.actions {
            var mask: UInt32 = 0
            for (bit, action) in Self.actionOrder.enumerated() where actions.contains(action.rawValue) {
                mask |= 1 << UInt32(bit)
            }
            actionMask = mask
        } else {
            actionMask = nil
        }
        firm = query.firm
        minImportance = query.minImportance
        since = query.since
        until = query.until
    }

    /// Whether a record passes every filter. A record lacking the field a filter reads (no
    /// action, no importance, no `updated` nor `timestamp`) fails that filter.
    func matches(_ entry: RecordEntry) -> Bool {
        if let actionMask {
            guard let action = entry.action, actionMask & Self.bit(of: action) != 0 else { return false }
        }
        if let minImportance {
            guard let importance = entry.importance, importance >= minImportance else { return false }
        }
        if since != nil || until != nil {
            guard let instant = entry.instant else { return false }
            if let since, instant < since { return false }
            if let until, instant >= until { return false }
        }
        if let firm {
            let matchesName = entry.firm.map { $0.equalsIgnoringASCIICase(firm) } ?? false
            let matchesID = entry.firmID.map { $0.equalsIgnoringASCIICase(firm) } ?? false
            guard matchesName || matchesID else { return false }
        }
        return true
    }

    /// Kept once: the synthesised `allCases` builds a new array on every call.
    private static let actionOrder = RatingAction.allCases

    private static func bit(of action: RatingAction) -> UInt32 {
        1 << UInt32(actionOrder.firstIndex(of: action) ?? 0)
    }
}
