/// The envelope ids of one source seen lately, to drop a message delivered twice.
///
/// It keeps 64-bit hashes rather than the ids (a UUID string costs a heap allocation each;
/// 100 000 of them would cost megabytes per source). A false "seen" needs two ids among the
/// remembered hashes to collide, about 1 in 10^14 per message at the default bound, and the
/// process-seeded hasher keeps anyone from crafting collisions on purpose.
struct EnvelopeMemory: Sendable {
    private var hashes: Set<Int> = []
    private var order: BoundedFIFO<Int>

    /// Remembers at most `capacity` ids (0 remembers none).
    init(capacity: Int) {
        order = BoundedFIFO(capacity: capacity)
        hashes.reserveCapacity(Swift.min(capacity, 1 << 16))
    }

    /// Remembers an id; false when it was already remembered (a duplicate).
    mutating func insert(_ envelopeID: String) -> Bool {
        guard order.capacity > 0 else { return true }
        let hash = envelopeID.hashValue
        guard hashes.insert(hash).inserted else { return false }
        if let dropped = order.append(hash) { hashes.remove(dropped) }
        return true
    }
}
