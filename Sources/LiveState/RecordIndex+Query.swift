/// Running a `RecordQuery` over a snapshot of the ordered lists.
extension RecordIndex {
    /// One page of matching records, newest first, strictly after the cursor.
    ///
    /// With tickers, only those tickers' lists are read and merged newest first, so asking for
    /// one ticker costs what that ticker holds, not what the store holds. The scan stops at the
    /// first match beyond the page, which is how `nextCursor` knows more exist.
    func page(for query: RecordQuery, maxPageSize: Int) -> RecordPage {
        let filter = RecordFilter(query)
        let bound = query.cursor.map(RecordKey.init)
        var collector = PageCollector(limit: Swift.min(Swift.max(query.limit, 1), maxPageSize))
        if let tickers = query.tickers {
            let lists = tickers.compactMap { byTicker[$0] }
            Self.mergeDescending(lists, below: bound) { entry in
                filter.matches(entry) ? collector.take(entry) : true
            }
        } else {
            ordered.forEachDescending(below: bound) { entry in
                filter.matches(entry) ? collector.take(entry) : true
            }
        }
        return collector.page
    }

    /// Calls `body` with the entries of several ascending lists below `bound`, newest first
    /// across all of them, until it returns false: a k-way merge over a max-heap of list heads.
    static func mergeDescending(
        _ lists: [[RecordEntry]], below bound: RecordKey?, _ body: (RecordEntry) -> Bool
    ) {
        var heads = MergeHeap()
        for (listIndex, list) in lists.enumerated() {
            let position = (bound.map { list.lowerBound(of: $0) } ?? list.count) - 1
            if position >= 0 { heads.push(MergeHeap.Head(entry: list[position], list: listIndex, position: position)) }
        }
        while let head = heads.popNewest() {
            if !body(head.entry) { return }
            let next = head.position - 1
            if next >= 0 {
                heads.push(MergeHeap.Head(entry: lists[head.list][next], list: head.list, position: next))
            }
        }
    }
}

/// Collects up to `limit` records and notices whether another match follows.
struct PageCollector {
    /// Records per page.
    let limit: Int
    private var items: [[UInt8]] = []
    private var last: RecordEntry?
    private var more = false

    /// An empty page of at most `limit` records.
    init(limit: Int) {
        self.limit = limit
        items.reserveCapacity(Swift.min(limit, 64))
    }

    /// Adds a matching record; false once the page is full (the match proves a next page).
    mutating func take(_ entry: RecordEntry) -> Bool {
        if items.count == limit {
            more = true
            return false
        }
        items.append(entry.json)
        last = entry
        return true
    }

    /// The page, with a cursor only when another match was seen.
    var page: RecordPage {
        RecordPage(items: items, nextCursor: more ? last?.key.cursor : nil)
    }
}
