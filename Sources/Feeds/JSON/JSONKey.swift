/// A member name looked up in `JSONObject`s, with its hash computed once.
///
/// Decoders read some thirty fields from objects of some thirty members for every message;
/// comparing a 64-bit hash first keeps that to integer compares, and the bytes are compared
/// only on a hash match, so a collision can never confuse two keys.
public struct JSONKey: Sendable, Hashable, CustomStringConvertible {
    /// The member name.
    public let name: String
    /// `JSONKey.hash(of: name)`.
    public let hash: UInt64
    /// The name's UTF-8 bytes, kept as an array so comparing them copies nothing (a small
    /// string's bytes would be copied out for every comparison).
    public let utf8: [UInt8]

    /// A key for `name`, hashed now.
    public init(_ name: String) {
        self.name = name
        self.utf8 = Array(name.utf8)
        self.hash = utf8.withUnsafeBufferPointer { JSONKey.hash(of: $0) }
    }

    /// The hash of a name.
    public static func hash(of name: String) -> UInt64 {
        Array(name.utf8).withUnsafeBufferPointer { hash(of: $0) }
    }

    /// The hash of a name's UTF-8 bytes: eight bytes per multiply-and-fold round (names are a
    /// dozen bytes, so two rounds), with the length mixed in so that no zero padding collides.
    /// Good enough to tell field names apart; equality is always checked on the bytes.
    @inline(__always)
    public static func hash(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return fold(hash) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            hash = fold(hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        if index < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            hash = fold(hash ^ tail)
        }
        return hash
    }

    /// One round of mixing (the multiply of SplitMix64's finaliser).
    @inline(__always)
    private static func fold(_ value: UInt64) -> UInt64 {
        let mixed = (value ^ (value >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 29)
    }

    /// The name.
    public var description: String { name }
}

extension JSONKey {
    /// Runs `body` with the name's UTF-8 bytes, without a copy.
    @inline(__always)
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withUnsafeBufferPointer(body)
    }
}
