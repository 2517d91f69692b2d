/// Ids of records deleted lately, with the version the delete stood for, so a late replay of
/// a create or update that is not newer than the delete cannot bring the record back.
struct DeletedIDs: Sendable {
    private struct Slot: Sendable {
        var version: RecordVersion
        var generation: UInt64
    }

    private var slots: [String: Slot] = [:]
    private var order: BoundedFIFO<(id: String, generation: UInt64)>
    private var generation: UInt64 = 0

    /// Remembers at most `capacity` ids.
    init(capacity: Int) {
        order = BoundedFIFO(capacity: capacity)
    }

    /// Ids remembered now.
    var count: Int { slots.count }

    /// The version a remembered delete stood for.
    func version(of id: String) -> RecordVersion? { slots[id]?.version }

    /// Remembers (or refreshes) a delete; the oldest remembered one goes when full.
    mutating func remember(_ id: String, version: RecordVersion) {
        guard order.capacity > 0 else { return }
        generation &+= 1
        slots[id] = Slot(version: version, generation: generation)
        // A refreshed id is queued again under its new generation; the stale queue entry is
        // recognised by its old generation when it drops out and leaves the slot alone.
        if let dropped = order.append((id, generation)), slots[dropped.id]?.generation == dropped.generation {
            slots[dropped.id] = nil
        }
    }

    /// Forgets an id that came back with a newer version.
    mutating func forget(_ id: String) {
        slots[id] = nil
    }
}
