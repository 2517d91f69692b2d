import Synchronization

/// The application's handle on a connection that switched protocols after a 101: a byte
/// channel in both directions.
///
/// Inbound bytes go, as they are read, to the `onReceive` handler on the event loop thread
/// (it must not block; register it inside `onUpgrade`, because bytes read before a handler
/// exists are dropped). Outbound bytes go through the same bounded machinery as a streamed
/// response: `write` works from any thread, never blocks, and closes the connection rather
/// than hold more than `HTTPLimits.outputBufferLimit` unsent bytes. `close()` sends what is
/// queued, then closes; `onClose` is told once how the connection ended. The client's end of
/// file ends the connection at once (`.clientDisconnected`) after its last bytes are delivered.
/// A server shutdown ends it like a stream (`.serverShutdown`, after what is queued), so a
/// protocol's goodbye (a WebSocket close frame) must be written before `shutdown()`.
public final class HTTPUpgradedConnection: Sendable {
    /// The outbound side: the connection's unchunked, never-kept-alive stream writer.
    let writer: HTTPStreamWriter
    /// The application's inbound handler, set from any thread, called on the loop thread.
    /// Boxed: a closure stored directly as a `Mutex`'s value is reabstracted on every
    /// `withLock` round trip and wrapped in one more thunk each time, so every delivery got
    /// slower until the thunk chain overflowed the stack. A class reference passes unchanged.
    private let receiver = Mutex<Receiver?>(nil)

    /// A channel writing through `writer`.
    init(writer: HTTPStreamWriter) {
        self.writer = writer
    }

    /// Registers the handler that gets every inbound read, in order, on the event loop
    /// thread; replaces an earlier handler.
    public func onReceive(_ handler: @escaping @Sendable ([UInt8]) -> Void) {
        let box = Receiver(handler)
        receiver.withLock { $0 = box }
    }

    /// Queues `bytes` to be sent as they are; see `HTTPStreamWriteResult`.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> HTTPStreamWriteResult {
        writer.write(bytes)
    }

    /// Closes the connection once everything queued so far is sent; later writes return `.closed`.
    public func close() {
        writer.close()
    }

    /// Registers the handler told once, on the event loop thread, how the connection ended; if
    /// it already ended the handler runs at once on the calling thread.
    public func onClose(_ handler: @escaping @Sendable (HTTPStreamCloseReason) -> Void) {
        writer.onClose(handler)
    }

    /// Whether the connection still accepts writes.
    public var isOpen: Bool { writer.isOpen }

    /// Hands one read to the handler (event loop thread only).
    func deliver(_ bytes: [UInt8]) {
        guard let receiver = receiver.withLock({ $0 }) else { return }
        receiver.call(bytes)
    }

    /// The application's inbound handler, in a class (see `receiver`).
    private final class Receiver: Sendable {
        let call: @Sendable ([UInt8]) -> Void

        init(_ call: @escaping @Sendable ([UInt8]) -> Void) {
            self.call = call
        }
    }
}
