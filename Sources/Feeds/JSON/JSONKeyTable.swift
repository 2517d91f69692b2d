#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Member names a parser should not allocate again for every message: when a key's bytes match
/// one of these, the parser reuses this table's string instead of building a new one. Keys
/// that are string literals are immortal, so reusing them also costs no reference counting.
///
/// Immutable after init (open addressing, linear probing), hence safe to share across threads.
public final class JSONKeyTable: Sendable {
    /// One known name, its hash and its bytes.
    struct Slot: Sendable {
        let hash: UInt64
        let name: String
        let bytes: [UInt8]
    }

    private let slots: [Slot?]
    private let mask: Int

    /// A table of `names` (duplicates are harmless).
    public init(_ names: [String]) {
        var capacity = 16
        while capacity < names.count * 4 { capacity *= 2 }
        var slots = [Slot?](repeating: nil, count: capacity)
        for name in names {
            let hash = JSONKey.hash(of: name)
            var index = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while let slot = slots[index], slot.name != name { index = (index + 1) & (capacity - 1) }
            slots[index] = Slot(hash: hash, name: name, bytes: Array(name.utf8))
        }
        self.slots = slots
        self.mask = capacity - 1
    }

    /// Every name the table knows, in no particular order.
    public var names: [String] {
        slots.compactMap { $0?.name }
    }

    /// A table that knows no names.
    public static let empty = JSONKeyTable([])

    /// The known name spelled by `bytes` (whose `JSONKey` hash is `hash`), if any.
    func name(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = Int(truncatingIfNeeded: hash) & mask
        while let slot = slots[index] {
            if slot.hash == hash && slot.bytes.withUnsafeBufferPointer({ JSONKeyTable.same($0, bytes) }) { return slot.name }
            index = (index + 1) & mask
        }
        return nil
    }

    private static func same(_ known: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard known.count == bytes.count else { return false }
        guard let left = known.baseAddress, let right = bytes.baseAddress else { return known.isEmpty }
        return memcmp(left, right, known.count) == 0
    }
}
