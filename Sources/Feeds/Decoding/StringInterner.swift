#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small cache of the long strings that repeat from message to message (firm and analyst ids,
/// company names, the three URLs of a ticker), so a repeated value reuses one `String` instead
/// of allocating a copy per message.
///
/// Direct-mapped: each value has one slot, chosen by a hash of its bytes, and a different value
/// landing there replaces it. So the memory is bounded (`slotCount` strings of at most
/// `FeedLimits.maxFieldBytes`), nothing is ever scanned or evicted in bulk, and a value that
/// does not repeat costs a hash and a compare. Strings of up to 15 UTF-8 bytes are stored inline
/// by Swift and never allocate, so they skip the cache.
final class StringInterner: @unchecked Sendable {
    // Safety: not thread-safe by itself; its one owner is a `FeedPipeline`'s `DecodeScratch`,
    // used only inside that scratch's `Mutex`, so one thread at a time reads and writes slots.
    /// Slots in the cache: a few hundred tickers, firms and analysts repeat in a live feed.
    static let defaultSlotCount = 1024
    /// Longest value kept inline by `String`, which the cache skips.
    static let inlineLimit = 15

    private let slots: UnsafeMutablePointer<String?>
    private let mask: Int

    /// An empty cache of `slotCount` slots (rounded up to a power of two, at least 16).
    init(slotCount: Int = StringInterner.defaultSlotCount) {
        var size = 16
        while size < slotCount { size *= 2 }
        mask = size - 1
        slots = .allocate(capacity: size)
        slots.initialize(repeating: nil, count: size)
    }

    deinit {
        slots.deinitialize(count: mask + 1)
        slots.deallocate()
    }

    /// The string of `bytes` (valid UTF-8 as the tokenizer checked it, or repaired like
    /// `String(decoding:as:)` would): the cached one when the slot holds these bytes.
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > Self.inlineLimit, let base = bytes.baseAddress else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let slot = Int(truncatingIfNeeded: Self.hash(base, bytes.count)) & mask
        if let cached = slots[slot], Self.equals(cached, bytes) { return cached }
        let made = String(decoding: bytes, as: UTF8.self)
        slots[slot] = made
        return made
    }

    /// Whether `cached` holds exactly `bytes`.
    private static func equals(_ cached: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        cached.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == bytes.count && memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? false
    }

    /// A fast multiplicative hash of the bytes, eight at a time: slot choice only (a collision
    /// costs a miss, never a wrong string, since hits compare the bytes).
    private static func hash(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        if offset < count {
            // The last eight bytes, overlapping what was already mixed (count > 15 here).
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        return hash ^ (hash >> 32)
    }
}
