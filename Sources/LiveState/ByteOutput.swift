/// Copies pieces into a buffer sized for them in advance (bounds are the caller's promise,
/// checked in debug builds).
struct ByteOutput {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes put so far.
    private(set) var count = 0

    /// Fills `buffer` from its start.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Copies bytes in.
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
        assert(count + bytes.count <= buffer.count)
        (target + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Copies a literal in.
    mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Puts one byte.
    mutating func put(_ byte: UInt8) {
        assert(count < buffer.count)
        buffer[count] = byte
        count += 1
    }
}
