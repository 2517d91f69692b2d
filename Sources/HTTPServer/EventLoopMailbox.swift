import Synchronization

/// The one way other threads reach an event loop: a locked list of work plus an eventfd wakeup.
///
/// Posting coalesces: only the first post after the loop emptied the list signals the eventfd,
/// so a burst of stream writes to many connections costs the loop one wakeup.
final class EventLoopMailbox: Sendable {
    /// An accepted socket on its way from the loop that accepted it to the loop that serves it.
    ///
    /// `@unchecked Sendable`: the accepting loop posts its only reference and keeps none; after
    /// `take` only the receiving loop holds it, so the descriptor is never used by two threads.
    struct Adoption: @unchecked Sendable {
        /// The connection's socket.
        let socket: FileDescriptor
    }

    /// What is waiting for the loop.
    struct Contents {
        /// Connections whose stream writer has queued bytes or a close.
        var streams: [ConnectionID] = []
        /// Hub messages to deliver to this loop's subscribers, in publication order.
        var broadcasts: [any HTTPBroadcastMessage] = []
        /// Accepted sockets another loop handed over for this loop to serve (see
        /// `ConnectionBalancer`); closed with the mailbox if the loop never takes them.
        var adoptions: [Adoption] = []
        var shutdownRequested = false
        /// The eventfd was signalled and the loop has not taken the contents since.
        var signalled = false
    }

    private let contents = Mutex(Contents())
    /// The eventfd the loop watches.
    let wakeup: LoopWakeup

    /// An empty mailbox signalling through `wakeup`.
    init(wakeup: LoopWakeup) {
        self.wakeup = wakeup
    }

    /// Asks the loop to look at `connection`'s stream writer.
    func post(_ connection: ConnectionID) {
        let wake = contents.withLock { contents -> Bool in
            contents.streams.append(connection)
            return Self.markSignalled(&contents)
        }
        if wake { wakeup.signal() }
    }

    /// Asks the loop to deliver a hub message to its subscribers.
    func post(broadcast message: any HTTPBroadcastMessage) {
        let wake = contents.withLock { contents -> Bool in
            contents.broadcasts.append(message)
            return Self.markSignalled(&contents)
        }
        if wake { wakeup.signal() }
    }

    /// Hands the loop an accepted connection to serve; ownership of `socket` moves with it.
    func post(adopt socket: FileDescriptor) {
        let adoption = Adoption(socket: socket)
        let wake = contents.withLock { contents -> Bool in
            contents.adoptions.append(adoption)
            return Self.markSignalled(&contents)
        }
        if wake { wakeup.signal() }
    }

    /// Whether this post is the one that must signal (the first since the loop last took).
    private static func markSignalled(_ contents: inout Contents) -> Bool {
        guard !contents.signalled else { return false }
        contents.signalled = true
        return true
    }

    /// Asks the loop to begin a graceful shutdown.
    func requestShutdown() {
        contents.withLock { $0.shutdownRequested = true }
        wakeup.signal()
    }

    /// Moves the posted connections into `streams`, the posted messages into `broadcasts` and
    /// the handed-over sockets into `adoptions` (all must be empty; their storage is swapped in
    /// so neither side reallocates) and says whether shutdown was requested.
    func take(into streams: inout [ConnectionID], broadcasts: inout [any HTTPBroadcastMessage], adoptions: inout [Adoption]) -> Bool {
        contents.withLock { contents in
            swap(&streams, &contents.streams)
            swap(&broadcasts, &contents.broadcasts)
            swap(&adoptions, &contents.adoptions)
            contents.signalled = false
            return contents.shutdownRequested
        }
    }
}
