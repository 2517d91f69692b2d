import HTTPServer

/// One `GET /events` stream's side of the fan-out: its filter and the last id it was sent.
///
/// Created in the stream's `onOpen` and afterwards used only by `receive`, both on the stream's
/// event loop thread, which is what makes the `@unchecked Sendable` safe: `lastSent` is never
/// touched by two threads. The id check is what makes replay and live meet without gaps or
/// duplicates: an event the replay already covered is skipped when it arrives live.
final class EventSubscriber: HTTPBroadcastReceiver, @unchecked Sendable {
    /// Which events this stream wants.
    let filter: EventFilter
    /// The newest sequence this stream has dealt with (sent or filtered out).
    private(set) var lastSent: UInt64

    /// A subscriber that has dealt with everything up to `lastSent`.
    init(filter: EventFilter, lastSent: UInt64) {
        self.filter = filter
        self.lastSent = lastSent
    }

    /// Appends the event when it is new to this stream and matches the filter.
    func receive(_ message: any HTTPBroadcastMessage, into output: inout [UInt8]) {
        guard let message = message as? EventMessage, message.sequence > lastSent else { return }
        lastSent = message.sequence
        if filter.matches(message.facts) { message.append(to: &output) }
    }
}
