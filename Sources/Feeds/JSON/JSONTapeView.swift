/// A `JSONTape` together with the bytes it was built from: member lookups, and values as
/// bytes, strings or numbers, built only when asked for.
///
/// Holds unsafe pointers, valid only inside `JSONTape.withView`; it owns nothing and costs no
/// reference counting to pass around, which is the point.
public struct JSONTapeView {
    /// The document's bytes.
    public let input: UnsafeBufferPointer<UInt8>
    /// The tape's entries.
    public let entries: UnsafeBufferPointer<JSONTape.Entry>
    /// The tape's decoded bytes (strings and names with escapes).
    public let decoded: UnsafeBufferPointer<UInt8>
    /// The tape's member indexes.
    public let memberIndex: UnsafeBufferPointer<Int32>

    /// What a member lookup found: nothing, one value (its entry index), or the name more than
    /// once (which a reader must refuse rather than pick one).
    public enum Lookup: Sendable, Equatable {
        /// No member has the name.
        case absent
        /// Exactly one member has it, at this entry.
        case found(Int)
        /// More than one member has it.
        case duplicated
    }

    /// Finds the member named `key` of the object at `object` through its member index.
    /// Members with equal hashes share one probe sequence, so following it to a free slot
    /// notices duplicates; names are compared by hash, then by bytes.
    public func lookup(_ key: JSONKey, in object: Int) -> Lookup {
        let mask = Int(entries[object].indexMask)
        guard mask >= 0 else { return .absent }
        let start = Int(entries[object].indexStart)
        var found = -1
        var slot = Self.slot(of: key.hash, mask: mask)
        while true {
            let member = Int(memberIndex[start + slot])
            if member < 0 { break }
            if entries[member].keyHash == key.hash && keyEquals(member, key) {
                if found >= 0 { return .duplicated }
                found = member
            }
            slot = (slot + 1) & mask
        }
        return found < 0 ? .absent : .found(found)
    }

    /// The first slot a name with `hash` probes in an index of `mask + 1` slots.
    @inline(__always)
    static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    }

    /// The kind of the value at `index`.
    @inline(__always)
    public func kind(_ index: Int) -> JSONTape.Kind {
        entries[index].kind
    }

    /// The bytes of a string (decoded content) or number (literal) at `index`.
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[index]
        let base = entry.valueIsDecoded ? decoded : input
        return UnsafeBufferPointer(rebasing: base[entry.start..<entry.end])
    }

    /// The bytes of the value at `index` without leading and trailing ASCII whitespace.
    public func trimmedBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let bytes = bytes(index)
        var start = 0
        var end = bytes.count
        while start < end && JSONParser.isSpace(bytes[start]) { start += 1 }
        while end > start && JSONParser.isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The string (or number literal) at `index` as a `String`, optionally trimmed.
    public func string(_ index: Int, trimming: Bool) -> String {
        String(decoding: trimming ? trimmedBytes(index) : bytes(index), as: UTF8.self)
    }

    /// The member name of the entry at `index` as bytes; empty for array elements and the root.
    public func keyBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[index]
        let base = entry.keyIsDecoded ? decoded : input
        return UnsafeBufferPointer(rebasing: base[entry.keyStart..<entry.keyEnd])
    }

    private func keyEquals(_ index: Int, _ key: JSONKey) -> Bool {
        let bytes = keyBytes(index)
        // Inline words rather than memcmp: names are a dozen bytes, shorter than the call.
        return key.withUTF8 { name in
            guard name.count == bytes.count else { return false }
            guard let left = name.baseAddress, let right = bytes.baseAddress else { return name.isEmpty }
            var index = 0
            while index + 8 <= name.count {
                guard UnsafeRawPointer(left).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        == UnsafeRawPointer(right).loadUnaligned(fromByteOffset: index, as: UInt64.self) else { return false }
                index += 8
            }
            while index < name.count {
                guard name[index] == bytes[index] else { return false }
                index += 1
            }
            return true
        }
    }
}
