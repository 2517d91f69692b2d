import Synchronization

/// The bounded, in-memory log of recent store events, for resuming `GET /events` streams.
///
/// The store appends inside its own lock (so the log's last sequence is always the store's),
/// then, after releasing it, hands the event to the listener (the fan-out). The log has its own
/// lock so a resuming reader copying a range never holds up readers of the store. Sequences in
/// the log are contiguous (every applied change is appended, in order), so finding an id is
/// arithmetic. Memory: `capacity` events, whose bodies are shared with the store's documents
/// while those live.
public final class EventLog: Sendable {
    /// Events kept; the oldest is dropped when full (`--event-log-size`).
    public let capacity: Int
    private let ring: Mutex<EventRing>
    /// The listener, boxed: a closure stored directly as a `Mutex`'s generic value is
    /// reabstracted on every `withLock` round trip, and the compiler wraps the stored value in
    /// one more thunk each time, so every publish got slower and, after some 100 000 events, the
    /// thunk chain overflowed the stack. A class reference passes through unchanged.
    private let listener = Mutex<EventListener?>(nil)

    /// The default capacity of `--event-log-size`.
    public static let defaultCapacity = 100_000

    /// An empty log keeping the latest `capacity` events (at least 1), whose first event will be
    /// `startingAfter + 1`. The store numbers its changes on from the log's last sequence.
    public init(capacity: Int = EventLog.defaultCapacity, startingAfter: UInt64 = 0) {
        self.capacity = max(1, capacity)
        ring = Mutex(EventRing(capacity: max(1, capacity), lastSequence: startingAfter))
    }

    /// Where a process started at `start` begins numbering: the microseconds since the Unix
    /// epoch. Ids then keep increasing across restarts (unless a process averaged over a million
    /// changes a second), so a client resuming with an id of an earlier run is older than
    /// anything held and gets a reset, never a silent jump into this run's ids; and versions, and
    /// so ETags, of an earlier run never match this run's documents. They stay below 2^53, exact
    /// as JavaScript numbers.
    public static func sequenceBase(startingAt start: Timestamp) -> UInt64 {
        UInt64(max(0, start.millisecondsSinceEpoch)) * 1_000
    }

    /// Sets who is told about each appended event, on the writer's thread after the store's
    /// lock is released; replaces an earlier listener.
    public func setListener(_ listener: @escaping @Sendable (StoreEvent) -> Void) {
        let box = EventListener(listener)
        self.listener.withLock { $0 = box }
    }

    /// Appends an event; the store calls this inside its lock, in sequence order.
    func append(_ event: StoreEvent) {
        ring.withLock { $0.append(event) }
    }

    /// Tells the listener, if any.
    func publish(_ event: StoreEvent) {
        listener.withLock { $0 }?.call(event)
    }

    /// The sequence of the newest event (the starting point before the first).
    public var lastSequence: UInt64 {
        ring.withLock { $0.lastSequence }
    }

    /// The oldest sequence still held, or nil while empty.
    public var oldestSequence: UInt64? {
        ring.withLock { $0.oldestSequence }
    }

    /// Events currently held.
    public var count: Int {
        ring.withLock { $0.count }
    }

    /// What a client that saw everything up to `lastSeen` missed, up to and including `through`
    /// (nil: the newest event). See `EventReplay`.
    public func replay(after lastSeen: UInt64, through: UInt64? = nil) -> EventReplay {
        ring.withLock { ring in
            let end = min(through ?? ring.lastSequence, ring.lastSequence)
            if lastSeen > ring.lastSequence { return .gap(oldest: ring.oldestSequence, last: end) }
            if lastSeen >= end { return .events([], last: max(lastSeen, end)) }
            guard let oldest = ring.oldestSequence, lastSeen + 1 >= oldest else {
                return .gap(oldest: ring.oldestSequence, last: end)
            }
            return .events(ring.events(from: lastSeen + 1, through: end), last: end)
        }
    }
}

/// The answer of `EventLog.replay`.
public enum EventReplay: Sendable {
    /// The missed events in order (possibly none); the stream continues after `last`.
    case events([StoreEvent], last: UInt64)
    /// Some missed events are no longer held (or the id is newer than any this process issued,
    /// as after a restart): the client must refetch. `oldest` is the oldest id still held (nil
    /// when none); the stream continues after `last`.
    case gap(oldest: UInt64?, last: UInt64)
}

/// The ring behind `EventLog`; not locked itself.
struct EventRing {
    private var storage: ContiguousArray<StoreEvent> = []
    private let capacity: Int
    /// Index of the oldest event once `storage` is full.
    private var start = 0
    /// The newest sequence appended (the starting point before the first).
    private(set) var lastSequence: UInt64

    init(capacity: Int, lastSequence: UInt64) {
        self.capacity = capacity
        self.lastSequence = lastSequence
    }

    var count: Int { storage.count }

    var oldestSequence: UInt64? {
        storage.isEmpty ? nil : storage[start].sequence
    }

    mutating func append(_ event: StoreEvent) {
        lastSequence = event.sequence
        if storage.count < capacity {
            storage.append(event)
        } else {
            storage[start] = event
            start = (start + 1) % capacity
        }
    }

    /// Events `first...last`, which the caller checked are held.
    func events(from first: UInt64, through last: UInt64) -> [StoreEvent] {
        guard let oldest = oldestSequence, first <= last else { return [] }
        var result: [StoreEvent] = []
        result.reserveCapacity(Int(last - first + 1))
        for sequence in first...last {
            result.append(storage[(start + Int(sequence - oldest)) % storage.count])
        }
        return result
    }
}

/// The fan-out's callback, in a class so the event log's lock hands out a reference rather than a
/// reabstracted closure (see `EventLog.listener`).
final class EventListener: Sendable {
    /// Told about each appended event.
    let call: @Sendable (StoreEvent) -> Void

    init(_ call: @escaping @Sendable (StoreEvent) -> Void) {
        self.call = call
    }
}
