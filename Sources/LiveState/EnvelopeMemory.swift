/// The envelope ids of one source seen lately, to drop a message delivered twice.
///
/// It keeps 64-bit hashes rather than the ids (a UUID string costs a heap allocation each;
/// 100 000 of them would cost megabytes per source). A false "seen" needs two ids among the
/// remembered hashes to collide, about 1 in 10^14 per message at the default bound, and the
/// process-seeded hasher keeps anyone from crafting collisions on purpose.
///
/// The hashes sit in an open-addressing table probed linearly (at most half full) and in a
/// ring of arrival order that says which one to forget. Each id is hashed once per message:
/// a `Set<Int>` hashed the id's hash again on insert and the forgotten one on removal.
struct EnvelopeMemory: Sendable {
    /// The most hashes remembered.
    let capacity: Int
    /// Hash slots, `empty` where free; a power of two, at least twice the hashes held.
    private var slots: [Int] = []
    /// The hashes held, oldest at `oldest` once the ring is full.
    private var ring: [Int] = []
    private var oldest = 0

    /// A free slot. A real hash of 0 is stored as 1: merging the two costs nothing measurable.
    private static let empty = 0
    /// The table a memory starts with; it doubles as it fills, up to what `capacity` needs.
    private static let initialSlots = 64

    /// Remembers at most `capacity` ids (0 remembers none).
    init(capacity: Int) {
        self.capacity = Swift.max(0, capacity)
    }

    /// Remembers an id; false when it was already remembered (a duplicate).
    mutating func insert(_ envelopeID: String) -> Bool {
        guard capacity > 0 else { return true }
        let raw = envelopeID.hashValue
        let hash = raw == Self.empty ? 1 : raw
        if slots.count < 2 * (ring.count + 1) && ring.count < capacity { grow() }
        guard case .free(let slot) = find(hash) else { return false }
        slots[slot] = hash
        if ring.count < capacity {
            ring.append(hash)
        } else {
            forget(ring[oldest])
            ring[oldest] = hash
            oldest = (oldest + 1) % capacity
        }
        return true
    }

    /// Where a probe for `hash` ended.
    private enum Probe {
        case held(Int)
        case free(Int)
    }

    /// The slot holding `hash`, or the free slot that ends its probe sequence.
    private func find(_ hash: Int) -> Probe {
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let held = slots[slot]
            if held == hash { return .held(slot) }
            if held == Self.empty { return .free(slot) }
            slot = (slot + 1) & mask
        }
    }

    /// Removes a held hash, shifting the rest of its cluster back so that no probe sequence
    /// runs into a hole (linear probing's deletion without tombstones).
    private mutating func forget(_ hash: Int) {
        guard case .held(var hole) = find(hash) else { return }
        let mask = slots.count - 1
        var next = hole
        while true {
            next = (next + 1) & mask
            let moving = slots[next]
            if moving == Self.empty { break }
            // An entry may fill the hole only if its home slot is not cyclically in (hole, next].
            let home = moving & mask
            let staysPut = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if staysPut { continue }
            slots[hole] = moving
            hole = next
        }
        slots[hole] = Self.empty
    }

    /// Doubles the table and places every held hash again.
    private mutating func grow() {
        let size = Swift.max(Self.initialSlots, slots.count * 2)
        slots = [Int](repeating: Self.empty, count: size)
        for hash in ring {
            if case .free(let slot) = find(hash) { slots[slot] = hash }
        }
    }
}
