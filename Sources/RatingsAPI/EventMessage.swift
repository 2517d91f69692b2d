import HTTPServer
import LiveState

/// One store event as published to the broadcast hub: a reference every loop shares, so the
/// event's bytes exist once however many subscribers send them.
///
/// Everything a subscriber looks at is prepared once, on the writer's thread, so that the
/// per-subscriber work on the loops is a few comparisons and one copy: the filter's fields as
/// plain values and the whole encoded event in one block of memory this object owns. Reading
/// that block takes no reference count, which matters because both loops read the same message
/// at once and would otherwise bounce its counters' cache line between the cores for every
/// subscriber. `@unchecked Sendable`: every property is immutable after `init`, and the block
/// is freed only in `deinit`, when no loop holds the message any more.
final class EventMessage: @unchecked Sendable {
    /// The store's sequence of the event.
    let sequence: UInt64
    /// What the filters look at.
    let facts: EventFilter.Facts
    /// `id:`, `event:`, `data:` and the blank line, as sent; private so that no pointer into
    /// it outlives the message.
    private let bytes: UnsafeRawBufferPointer

    init(_ event: StoreEvent) {
        sequence = event.sequence
        facts = EventFilter.Facts(event)
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: event.encodedCount, alignment: 1)
        var offset = 0
        func copy(_ part: [UInt8]) {
            part.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: block[offset..<(offset + $0.count)]).copyMemory(from: $0) }
            offset += part.count
        }
        copy(event.head)
        copy(event.body)
        copy(EventStreamEncoder.terminator)
        bytes = UnsafeRawBufferPointer(block)
    }

    deinit {
        bytes.deallocate()
    }

    /// Appends the whole event to `output`.
    @inline(__always)
    func append(to output: inout [UInt8]) {
        output.append(contentsOf: bytes)
    }
}
