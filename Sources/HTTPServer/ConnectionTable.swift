/// Names a connection slot in its loop's table, with a generation so a stale reference (an old
/// epoll event, a stream writer outliving its connection) never reaches a newer connection.
struct ConnectionID: Hashable, Sendable {
    /// Index into the table.
    var slot: UInt32
    /// Bumped each time the slot is freed.
    var generation: UInt32

    /// The value stored in epoll's event data.
    var token: UInt64 { UInt64(generation) << 32 | UInt64(slot) }

    /// An id from its parts.
    init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }

    /// The id an epoll token names.
    init(token: UInt64) {
        slot = UInt32(truncatingIfNeeded: token)
        generation = UInt32(truncatingIfNeeded: token >> 32)
    }
}

/// The open connections of one event loop, indexed by slot; freed slots are reused.
struct ConnectionTable {
    private var connections: [Connection?] = []
    private var generations: [UInt32] = []
    private var freeSlots: [UInt32] = []
    /// Open connections.
    private(set) var count = 0

    /// The id the next inserted connection gets.
    mutating func nextID() -> ConnectionID {
        if let slot = freeSlots.popLast() {
            return ConnectionID(slot: slot, generation: generations[Int(slot)])
        }
        connections.append(nil)
        generations.append(1)
        return ConnectionID(slot: UInt32(connections.count - 1), generation: 1)
    }

    /// Stores a connection made with the id from `nextID()`.
    mutating func insert(_ connection: Connection) {
        connections[Int(connection.id.slot)] = connection
        count += 1
    }

    /// Gives back an id from `nextID()` that was never used for an inserted connection.
    mutating func returnUnused(_ id: ConnectionID) {
        freeSlots.append(id.slot)
    }

    /// The live connection with this id, or nil if it closed (even if its slot was reused).
    @inline(__always)
    func lookup(_ id: ConnectionID) -> Connection? {
        let slot = Int(id.slot)
        guard slot < connections.count, generations[slot] == id.generation else { return nil }
        return connections[slot]
    }

    /// Frees the connection's slot; its id is stale from now on.
    mutating func remove(_ id: ConnectionID) {
        let slot = Int(id.slot)
        guard lookup(id) != nil else { return }
        connections[slot] = nil
        generations[slot] = generations[slot] &+ 1 == 0 ? 1 : generations[slot] &+ 1
        freeSlots.append(id.slot)
        count -= 1
    }

    /// Every open connection (a copy, so closing them while iterating is safe).
    var all: [Connection] { connections.compactMap { $0 } }
}
