/// The version of a rating or insight, or of a delete: upstream's `content.updated`, then
/// `data.timestamp`, either of which may be missing.
///
/// Comparison uses the first of the two that both sides carry and that differ. When the two
/// carry no field in common the order is `.unknown`: the store then trusts arrival order, since
/// dropping an update because upstream left a field out would lose data silently.
struct RecordVersion: Hashable, Sendable {
    /// `content.updated`.
    var updated: Timestamp?
    /// `data.timestamp`.
    var timestamp: Timestamp?

    /// How one version relates to another.
    enum Order: Equatable {
        case older, same, newer, unknown
    }

    /// Whether the version carries anything at all to compare.
    var isEmpty: Bool { updated == nil && timestamp == nil }

    /// Where `self` stands relative to `other`.
    func order(comparedTo other: RecordVersion) -> Order {
        var compared = false
        if let mine = updated, let theirs = other.updated {
            if mine != theirs { return mine < theirs ? .older : .newer }
            compared = true
        }
        if let mine = timestamp, let theirs = other.timestamp {
            if mine != theirs { return mine < theirs ? .older : .newer }
            compared = true
        }
        return compared ? .same : .unknown
    }

    /// The newer of two versions field by field, for remembering what a delete removed.
    func merged(with other: RecordVersion) -> RecordVersion {
        RecordVersion(
            updated: [updated, other.updated].compactMap { $0 }.max(),
            timestamp: [timestamp, other.timestamp].compactMap { $0 }.max())
    }
}
