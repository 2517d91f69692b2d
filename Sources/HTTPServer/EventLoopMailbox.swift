import Synchronization

/// The one way other threads reach an event loop: a locked list of work plus an eventfd wakeup.
///
/// Posting coalesces: only the first post after the loop emptied the list signals the eventfd,
/// so a burst of stream writes to many connections costs the loop one wakeup.
final class EventLoopMailbox: Sendable {
    /// What is waiting for the loop.
    struct Contents {
        /// Connections whose stream writer has queued bytes or a close.
        var streams: [ConnectionID] = []
        var shutdownRequested = false
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
            return contents.streams.count == 1
        }
        if wake { wakeup.signal() }
    }

    /// Asks the loop to begin a graceful shutdown.
    func requestShutdown() {
        contents.withLock { $0.shutdownRequested = true }
        wakeup.signal()
    }

    /// Moves the posted connections into `streams` (which must be empty, and whose storage is
    /// swapped in so neither side reallocates) and says whether shutdown was requested.
    func take(into streams: inout [ConnectionID]) -> Bool {
        contents.withLock { contents in
            swap(&streams, &contents.streams)
            return contents.shutdownRequested
        }
    }
}
