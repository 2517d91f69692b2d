/// One page of a `RecordQuery`: the records' pre-rendered JSON objects, newest first, and where
/// the next page starts (nil on the last page).
public struct RecordPage: Sendable {
    /// Each element is one complete JSON object, rendered when the record was applied.
    public var items: [[UInt8]]
    public var nextCursor: PageCursor?

    public init(items: [[UInt8]], nextCursor: PageCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
