/// The sort key of a rating or insight: date, time, `updated` (else `timestamp`) in
/// milliseconds, then id. Ascending here means older; pages list records in descending order.
///
/// Dates and times compare as the strings upstream sent (`YYYY-MM-DD`, `HH:MM:SS`, which sort
/// chronologically as text); an absent one is the empty string and so sorts oldest. The id makes
/// every key unique, which is what lets a cursor continue strictly after a record.
struct RecordKey: Hashable, Comparable, Sendable {
    var date: String
    var time: String
    var orderMilliseconds: Int64
    var id: String

    init(date: String?, time: String?, updated: Timestamp?, timestamp: Timestamp?, id: String) {
        self.date = date ?? ""
        self.time = time ?? ""
        orderMilliseconds = (updated ?? timestamp)?.millisecondsSinceEpoch ?? Int64.min
        self.id = id
    }

    init(_ cursor: PageCursor) {
        date = cursor.date
        time = cursor.time
        orderMilliseconds = cursor.updatedMilliseconds
        id = cursor.id
    }

    /// The cursor that continues after this record.
    var cursor: PageCursor {
        PageCursor(date: date, time: time, updatedMilliseconds: orderMilliseconds, id: id)
    }

    static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.orderMilliseconds != rhs.orderMilliseconds { return lhs.orderMilliseconds < rhs.orderMilliseconds }
        return lhs.id < rhs.id
    }
}
