/// The allocation behind `JSONWriter`: raw bytes written through a pointer, freed once.
///
/// Why not an `Array` appended to: every `append(contentsOf:)` runs the generic sequence
/// machinery and a uniqueness check of its own, some hundred instructions a call, and a
/// document is a few dozen calls of a few bytes each. Immutable (a writer that outgrows its
/// buffer moves to a new one), so reading it needs no exclusivity checks.
final class JSONWriterBuffer: @unchecked Sendable {
    // Safety: a `JSONWriter` writes only into a buffer it holds the sole reference to (it
    // copies a shared one first, see `JSONWriter.reserve(_:)`), and only past the bytes any
    // copy of it has written, so no byte is written while another thread may read it.
    /// The allocation.
    let start: UnsafeMutablePointer<UInt8>
    /// Its size in bytes.
    let capacity: Int

    /// A buffer of `capacity` bytes (at least 16), none of them written.
    init(capacity: Int) {
        self.capacity = Swift.max(16, capacity)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// A new buffer of at least `minimumCapacity` bytes (and at least twice this one's when
    /// it must grow) holding the first `count` bytes of this one.
    func copy(count: Int, minimumCapacity: Int) -> JSONWriterBuffer {
        let copy = JSONWriterBuffer(capacity: minimumCapacity > capacity ? Swift.max(minimumCapacity, capacity * 2) : capacity)
        copy.start.update(from: start, count: count)
        return copy
    }
}
