/// The sort key of a rating or insight: date, time, `updated` (else `timestamp`) in
/// milliseconds, then id. Ascending here means older; pages list records in descending order.
///
/// Dates and times as upstream sends them (`YYYY-MM-DD`, `HH:MM:SS`) are packed into one
/// integer, `rank`, so the common comparison is two integer compares rather than string
/// compares. Text in any other form gets rank 0: such records sort older than every well-formed
/// one and among themselves by their date and time strings. An absent time sorts before
/// `00:00:00` of its date, and an absent date is not well-formed. The id makes every key
/// unique, which is what lets a cursor continue strictly after a record.
struct RecordKey: Hashable, Comparable, Sendable {
    /// Date as given, empty when absent.
    var date: String
    /// Time as given, empty when absent.
    var time: String
    /// `updated`, else `timestamp`, in milliseconds; `Int64.min` when both are absent.
    var orderMilliseconds: Int64
    /// The record id, the final tie-breaker.
    var id: String
    /// Packed `YYYYMMDD`, `HHMMSS` for well-formed date and time; 0 otherwise.
    let rank: UInt64

    /// The key of a record.
    init(date: String?, time: String?, updated: Timestamp?, timestamp: Timestamp?, id: String) {
        self.init(
            date: date ?? "", time: time ?? "",
            orderMilliseconds: (updated ?? timestamp)?.millisecondsSinceEpoch ?? Int64.min, id: id)
    }

    /// The key a cursor names (the last record of the previous page).
    init(_ cursor: PageCursor) {
        self.init(date: cursor.date, time: cursor.time, orderMilliseconds: cursor.updatedMilliseconds, id: cursor.id)
    }

    private init(date: String, time: String, orderMilliseconds: Int64, id: String) {
        self.date = date
        self.time = time
        self.orderMilliseconds = orderMilliseconds
        self.id = id
        rank = Self.rank(date: date, time: time)
    }

    /// The cursor that continues after this record.
    var cursor: PageCursor {
        PageCursor(date: date, time: time, updatedMilliseconds: orderMilliseconds, id: id)
    }

    /// Key order: rank, then (for malformed text) date and time strings, then instant, then id.
    static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        if lhs.rank == 0 {
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            if lhs.time != rhs.time { return lhs.time < rhs.time }
        }
        if lhs.orderMilliseconds != rhs.orderMilliseconds { return lhs.orderMilliseconds < rhs.orderMilliseconds }
        return lhs.id < rhs.id
    }

    /// Equal when every part is equal.
    static func == (lhs: RecordKey, rhs: RecordKey) -> Bool {
        lhs.rank == rhs.rank && lhs.orderMilliseconds == rhs.orderMilliseconds && lhs.id == rhs.id
            && lhs.date == rhs.date && lhs.time == rhs.time
    }

    /// Hashes the parts `==` compares.
    func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(orderMilliseconds)
        hasher.combine(date)
        hasher.combine(time)
    }

    /// `YYYYMMDD * 10^7 + (HHMMSS + 1)` (the `+ 1` keeps an absent time, 0, first), plus 1 so
    /// that no well-formed key has rank 0.
    static func rank(date: String, time: String) -> UInt64 {
        guard let day = packed(date, pattern: dateShape) else { return 0 }
        var clock: UInt64 = 0
        if !time.isEmpty {
            guard let value = packed(time, pattern: timeShape) else { return 0 }
            clock = value + 1
        }
        return 1 + day * 10_000_000 + clock
    }

    /// `9` stands for a digit, anything else for itself.
    private static let dateShape: StaticString = "9999-99-99"
    private static let timeShape: StaticString = "99:99:99"

    /// The digits of `text` as one number when it has exactly the shape of `pattern`.
    private static func packed(_ text: String, pattern: StaticString) -> UInt64? {
        pattern.withUTF8Buffer { shape -> UInt64? in
            var value: UInt64 = 0
            var index = 0
            for byte in text.utf8 {
                guard index < shape.count else { return nil }
                if shape[index] == UInt8(ascii: "9") {
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + UInt64(byte - 48)
                } else if byte != shape[index] {
                    return nil
                }
                index += 1
            }
            return index == shape.count ? value : nil
        }
    }
}
