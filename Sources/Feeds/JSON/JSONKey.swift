/// A member name looked up in `JSONObject`s, with its hash computed once.
///
/// Decoders read some thirty fields from objects of some thirty members for every message;
/// comparing a 64-bit hash first keeps that scan to integer compares, and the string is compared
/// only on a hash match, so a collision can never confuse two keys.
public struct JSONKey: Sendable, Hashable, CustomStringConvertible {
    /// The member name.
    public let name: String
    /// `JSONKey.hash(of: name)`.
    public let hash: UInt64

    /// A key for `name`, hashed now.
    public init(_ name: String) {
        self.name = name
        self.hash = JSONKey.hash(of: name)
    }

    /// FNV-1a over the UTF-8 bytes: cheap, and good enough to tell field names apart.
    public static func hash(of name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The name.
    public var description: String { name }
}

extension JSONKey {
    /// Runs `body` with the name's UTF-8 bytes, without a copy for native strings (as every
    /// key literal is).
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = name.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(name.utf8).withUnsafeBufferPointer(body)
    }
}
