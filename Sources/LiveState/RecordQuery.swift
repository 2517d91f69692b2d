/// A filter over the recent ratings or insights, newest first. Every field is optional but
/// `limit`; absent fields do not filter.
public struct RecordQuery: Sendable, Equatable {
    /// Upper-cased tickers to keep; nil keeps every ticker.
    public var tickers: Set<String>?
    /// Normalised action words to keep (`upgrade`, `downgrade`, `maintain`, ...); nil keeps all.
    public var actions: Set<String>?
    /// A firm's name or id, compared without regard to letter case.
    public var firm: String?
    /// Keeps records whose importance is at least this (records without one are dropped).
    public var minImportance: Int?
    /// Keeps records updated at or after this instant (`updated`, else `timestamp`).
    public var since: Timestamp?
    /// Keeps records updated strictly before this instant.
    public var until: Timestamp?
    /// At most this many records in the page.
    public var limit: Int
    /// Continue after the last record of a previous page.
    public var cursor: PageCursor?

    public init(
        tickers: Set<String>? = nil, actions: Set<String>? = nil, firm: String? = nil,
        minImportance: Int? = nil, since: Timestamp? = nil, until: Timestamp? = nil,
        limit: Int = 50, cursor: PageCursor? = nil
    ) {
        self.tickers = tickers
        self.actions = actions
        self.firm = firm
        self.minImportance = minImportance
        self.since = since
        self.until = until
        self.limit = limit
        self.cursor = cursor
    }
}
