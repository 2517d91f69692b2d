/// The held records of one kind by id: an open-addressing table that keeps each id's hash next
/// to its entry, at most half full.
///
/// Why not `Dictionary`: a full table removes a record on nearly every insert, and
/// `Dictionary` re-hashes (SipHash, and retains) every key in the rest of the cluster it removes
/// from; here the stored hashes say where each moved entry belongs, so a removal hashes nothing.
/// Ids are hashed with the process-seeded `Hasher`, so upstream cannot craft colliding ids.
struct RecordsByID: Sendable {
    /// One slot: an entry with its id's hash, or free.
    private struct Slot: Sendable {
        var hash = 0
        var entry: RecordEntry?
    }

    /// A power of two, at least twice `count` (or empty before the first insert).
    private var slots: [Slot] = []
    /// Records held.
    private(set) var count = 0

    /// The smallest table; it doubles as it fills.
    private static let initialSlots = 64

    /// An empty table.
    init() {}

    /// The record with this id.
    subscript(id: String) -> RecordEntry? {
        guard !slots.isEmpty, case .held(let slot) = find(id, hash: id.hashValue) else { return nil }
        return slots[slot].entry
    }

    /// Inserts `entry`, replacing and returning the one held under its id.
    @discardableResult
    mutating func updateValue(_ entry: RecordEntry) -> RecordEntry? {
        if slots.count < 2 * (count + 1) { grow() }
        let hash = entry.id.hashValue
        switch find(entry.id, hash: hash) {
        case .held(let slot):
            let old = slots[slot].entry
            slots[slot].entry = entry
            return old
        case .free(let slot):
            slots[slot] = Slot(hash: hash, entry: entry)
            count += 1
            return nil
        }
    }

    /// Removes and returns the record with this id.
    @discardableResult
    mutating func removeValue(forID id: String) -> RecordEntry? {
        guard !slots.isEmpty, case .held(var hole) = find(id, hash: id.hashValue) else { return nil }
        let removed = slots[hole].entry
        count -= 1
        // Shift the rest of the cluster back so no probe sequence runs into a hole: an entry
        // may fill the hole unless its home slot is cyclically in (hole, next].
        let mask = slots.count - 1
        var next = hole
        while true {
            next = (next + 1) & mask
            guard slots[next].entry != nil else { break }
            let home = slots[next].hash & mask
            let staysPut = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if staysPut { continue }
            slots.swapAt(hole, next)
            hole = next
        }
        slots[hole] = Slot()
        return removed
    }

    /// Where a probe for an id ended.
    private enum Probe {
        case held(Int)
        case free(Int)
    }

    /// The slot holding `id`, or the free slot that ends its probe sequence; compares stored
    /// hashes first and ids only on a match.
    private func find(_ id: String, hash: Int) -> Probe {
        let mask = slots.count - 1
        var slot = hash & mask
        while let entry = slots[slot].entry {
            if slots[slot].hash == hash && entry.id == id { return .held(slot) }
            slot = (slot + 1) & mask
        }
        return .free(slot)
    }

    /// Doubles the table and places every entry again by its stored hash.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: Swift.max(Self.initialSlots, old.count * 2))
        let mask = slots.count - 1
        for held in old where held.entry != nil {
            var slot = held.hash & mask
            while slots[slot].entry != nil { slot = (slot + 1) & mask }
            slots[slot] = held
        }
    }
}
