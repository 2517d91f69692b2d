import Glibc

/// A growable run of bytes with a read index: responses are serialised into it and `send`
/// consumes from the front. Memory is manual so appends are a bounds check and a `memcpy`.
///
/// Not `Sendable`: each buffer belongs to one event loop thread.
/// Its indices are `@exclusivity(unchecked)` for the reason `Connection` gives: one thread, and
/// no access overlaps another.
final class ByteBuffer {
    @exclusivity(unchecked) private(set) var storage: UnsafeMutableRawPointer?
    @exclusivity(unchecked) private(set) var capacity = 0
    @exclusivity(unchecked) private(set) var readIndex = 0
    @exclusivity(unchecked) private(set) var writeIndex = 0

    /// An empty buffer; memory is taken on the first append.
    init(capacity: Int = 0) {
        if capacity > 0 { grow(toAtLeast: capacity) }
    }

    deinit { storage?.deallocate() }

    /// Bytes appended and not yet consumed.
    @inline(__always) var count: Int { writeIndex - readIndex }

    /// Whether every appended byte was consumed.
    @inline(__always) var isEmpty: Bool { writeIndex == readIndex }

    /// Start of the unconsumed bytes (only valid while `count > 0`).
    @inline(__always) var readPointer: UnsafeRawPointer { UnsafeRawPointer(storage! + readIndex) }

    /// Makes room for `extra` more bytes at the end, moving or growing the storage.
    @inline(__always)
    func reserve(_ extra: Int) {
        if writeIndex + extra > capacity { makeRoom(extra) }
    }

    /// Appends `count` bytes from `pointer`.
    @inline(__always)
    func append(_ pointer: UnsafeRawPointer, count: Int) {
        reserve(count)
        (storage! + writeIndex).copyMemory(from: pointer, byteCount: count)
        writeIndex += count
    }

    /// Appends a literal's UTF-8 bytes (no String, no allocation).
    @inline(__always)
    func append(_ literal: StaticString) {
        append(literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// Appends an array's bytes.
    @inline(__always)
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { if let base = $0.baseAddress { append(base, count: $0.count) } }
    }

    /// Appends a string's UTF-8 bytes without copying them to an intermediate array.
    @inline(__always)
    func append(_ string: String) {
        var string = string
        string.withUTF8 { if let base = $0.baseAddress { append(base, count: $0.count) } }
    }

    /// Appends one byte.
    @inline(__always)
    func append(byte: UInt8) {
        reserve(1)
        storage!.storeBytes(of: byte, toByteOffset: writeIndex, as: UInt8.self)
        writeIndex += 1
    }

    /// Appends the decimal digits of a non-negative number.
    func append(decimal value: Int) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for any Int
        withUnsafeMutableBytes(of: &scratch) { raw in
            var v = value.magnitude, start = raw.count
            repeat {
                start -= 1
                raw[start] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
            } while v > 0
            append(raw.baseAddress! + start, count: raw.count - start)
        }
    }

    /// Appends a number in lower-case hexadecimal, as chunk sizes are written.
    func append(hexadecimal value: Int) {
        let digits: StaticString = "0123456789abcdef"
        var shift = max(0, (Int.bitWidth - value.leadingZeroBitCount + 3) / 4 * 4 - 4)
        while shift >= 0 {
            append(byte: digits.utf8Start[(value >> shift) & 0xF])
            shift -= 4
        }
    }

    /// Drops `n` bytes from the front (they were sent).
    @inline(__always)
    func consume(_ n: Int) {
        readIndex += n
        if readIndex == writeIndex { readIndex = 0; writeIndex = 0 }
    }

    /// Forgets the contents at `mark` and after, where `mark` is an earlier `writeIndex`.
    func truncate(to mark: Int) { writeIndex = max(readIndex, mark) }

    /// Drops everything, keeping the memory for reuse.
    @inline(__always)
    func clear() { readIndex = 0; writeIndex = 0 }

    /// Drops everything and gives the memory back if it grew past `keep` bytes.
    func release(keepingUpTo keep: Int) {
        clear()
        if capacity > keep {
            storage?.deallocate()
            storage = nil
            capacity = 0
        }
    }

    private func makeRoom(_ extra: Int) {
        let live = count
        if readIndex > 0 && live + extra <= capacity {
            memmove(storage!, storage! + readIndex, live)
        } else {
            grow(toAtLeast: live + extra)
        }
        readIndex = 0
        writeIndex = live
    }

    private func grow(toAtLeast needed: Int) {
        var newCapacity = max(capacity * 2, 1024)
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        if let old = storage {
            newStorage.copyMemory(from: old + readIndex, byteCount: count)
            old.deallocate()
        }
        storage = newStorage
        capacity = newCapacity
    }
}
