/// Where a page of newest-first records ends: the sort key of its last record. Its `token` is
/// opaque to clients (base64url); a token that does not decode is refused, never guessed.
public struct PageCursor: Sendable, Hashable {
    /// Rating or insight date as given (`YYYY-MM-DD`), empty when absent.
    public var date: String
    /// Time as given (`HH:MM:SS`), empty when absent.
    public var time: String
    /// `updated` (else `timestamp`) in milliseconds, or `Int64.min` when absent.
    public var updatedMilliseconds: Int64
    /// The record id, the final tie-breaker.
    public var id: String

    public init(date: String, time: String, updatedMilliseconds: Int64, id: String) {
        self.date = date
        self.time = time
        self.updatedMilliseconds = updatedMilliseconds
        self.id = id
    }
}
