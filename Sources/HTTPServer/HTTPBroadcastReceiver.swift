/// A message published to every event loop once through an `HTTPBroadcastHub`; what it means
/// is the application's business (the server only passes the reference on).
public typealias HTTPBroadcastMessage = AnyObject & Sendable

/// The application's side of one subscribed stream: turns each broadcast message into the
/// bytes this stream should send (often none, when a filter does not match).
///
/// `receive` is called on the stream's event loop thread only, one message at a time in
/// publication order, so an implementation may keep per-stream state (say, the last id sent)
/// without a lock, provided nothing else touches it; it must not block.
public protocol HTTPBroadcastReceiver: AnyObject, Sendable {
    /// Appends what to send for `message` to `output` (which arrives empty).
    func receive(_ message: any HTTPBroadcastMessage, into output: inout [UInt8])
}
