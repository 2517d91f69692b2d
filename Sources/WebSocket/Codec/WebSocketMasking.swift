/// The XOR masking of RFC 6455 section 5.3, applied in place eight bytes at a time.
///
/// Masking is its own inverse, so the same function masks what a client sends and unmasks what
/// a server receives. The key is the four bytes in wire order.
enum WebSocketMasking {
    /// XORs `bytes` with the key repeated, as if `bytes` began at offset 0 of the payload.
    static func apply(key: (UInt8, UInt8, UInt8, UInt8), to bytes: UnsafeMutableRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        // The key laid out twice in memory order, so one 8-byte XOR masks bytes i..<i+8
        // whenever i is a multiple of 4 (it is: the loops start at 0 and step by 8 or 1).
        var wide: UInt64 = 0
        withUnsafeMutableBytes(of: &wide) { raw in
            raw[0] = key.0; raw[1] = key.1; raw[2] = key.2; raw[3] = key.3
            raw[4] = key.0; raw[5] = key.1; raw[6] = key.2; raw[7] = key.3
        }
        var index = 0
        while index + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            base.storeBytes(of: word ^ wide, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        withUnsafeBytes(of: wide) { keyBytes in
            while index < count {
                let byte = base.load(fromByteOffset: index, as: UInt8.self) ^ keyBytes[index & 7]
                base.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
                index += 1
            }
        }
    }

    /// Splits a 32-bit key (first wire byte most significant) into its four wire bytes.
    static func bytes(of key: UInt32) -> (UInt8, UInt8, UInt8, UInt8) {
        (UInt8(truncatingIfNeeded: key >> 24), UInt8(truncatingIfNeeded: key >> 16),
         UInt8(truncatingIfNeeded: key >> 8), UInt8(truncatingIfNeeded: key))
    }
}
