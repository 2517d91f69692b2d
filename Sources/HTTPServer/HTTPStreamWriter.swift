import Synchronization

/// The application's handle on a long-lived response (for example server-sent events).
///
/// Usable from any thread: `write` only appends to a locked buffer and, on the first write since
/// the loop last looked, wakes the connection's event loop, which frames everything queued as one
/// chunk and sends it with one `send`. It never blocks. Output is bounded: bytes queued plus bytes
/// the kernel has not taken may not exceed `HTTPLimits.outputBufferLimit`; a write that would
/// exceed it closes the connection instead (a slow client is dropped, the publisher goes on).
public final class HTTPStreamWriter: Sendable {
    /// What the writer's threads and the loop share.
    struct Shared {
        var pending: [UInt8] = []
        /// Bytes the loop holds for this connection that the kernel has not taken yet.
        var unsent = 0
        var closeRequested = false
        var ended: HTTPStreamCloseReason?
        /// Whether the loop already has this stream in its mailbox.
        var scheduled = false
        /// Whether the loop has told (or taken) the close handler about the end.
        var reported = false
        var onClose: (@Sendable (HTTPStreamCloseReason) -> Void)?
        /// Set by `subscribe`, taken by the loop right after `onOpen`.
        var receiver: (any HTTPBroadcastReceiver)?
    }

    /// State shared with the loop, behind a lock.
    let shared = Mutex(Shared())
    /// The loop that owns the connection.
    let mailbox: EventLoopMailbox
    /// The connection this stream writes to.
    let connection: ConnectionID
    /// `HTTPLimits.outputBufferLimit` of the server.
    let limit: Int

    /// A writer for the stream just started on `connection`.
    init(mailbox: EventLoopMailbox, connection: ConnectionID, limit: Int) {
        self.mailbox = mailbox
        self.connection = connection
        self.limit = limit
    }

    /// Queues `bytes` to be sent; see `HTTPStreamWriteResult`.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> HTTPStreamWriteResult {
        let (result, wake) = shared.withLock { state -> (HTTPStreamWriteResult, Bool) in
            guard state.ended == nil, !state.closeRequested else { return (.closed, false) }
            if state.unsent + state.pending.count + bytes.count > limit {
                state.ended = .outputBufferOverflow
                return (.overflowed, Self.schedule(&state))
            }
            state.pending.append(contentsOf: bytes)
            return (.queued, Self.schedule(&state))
        }
        if wake { mailbox.post(connection) }
        return result
    }

    /// Queues the UTF-8 bytes of `text`.
    @discardableResult
    public func write(_ text: String) -> HTTPStreamWriteResult {
        write(Array(text.utf8))
    }

    /// Ends the stream after everything queued so far; later writes return `.closed`.
    public func close() {
        let wake = shared.withLock { state -> Bool in
            guard state.ended == nil, !state.closeRequested else { return false }
            state.closeRequested = true
            return Self.schedule(&state)
        }
        if wake { mailbox.post(connection) }
    }

    /// Registers the handler told once, on the event loop thread, how the stream ended; if the
    /// end was already reported the handler runs at once on the calling thread. Replaces an
    /// earlier handler.
    public func onClose(_ handler: @escaping @Sendable (HTTPStreamCloseReason) -> Void) {
        let endedAlready = shared.withLock { state -> HTTPStreamCloseReason? in
            if state.reported { return state.ended }
            state.onClose = handler
            return nil
        }
        if let reason = endedAlready { handler(reason) }
    }

    /// Subscribes this stream to the server's `HTTPBroadcastHub`: from now on `receiver` is
    /// asked, on this stream's loop, for the bytes of every message published. Call it inside
    /// `onOpen`, after writing anything that must precede the broadcasts (it is sent first);
    /// later calls, or a server without a hub, subscribe nothing. Closing ends the subscription.
    public func subscribe(_ receiver: any HTTPBroadcastReceiver) {
        shared.withLock { $0.receiver = receiver }
    }

    /// Whether the stream still accepts writes.
    public var isOpen: Bool {
        shared.withLock { $0.ended == nil && !$0.closeRequested }
    }

    private static func schedule(_ state: inout Shared) -> Bool {
        guard !state.scheduled else { return false }
        state.scheduled = true
        return true
    }
}
