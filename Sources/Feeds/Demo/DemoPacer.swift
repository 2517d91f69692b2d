/// When demo messages are due: a pure state machine over an injected monotonic clock.
///
/// Message `k` after the anchor is due at `anchor + k / rate`. When the process falls behind
/// (a stopped debugger, a suspended VM) it sends at most `maxBurst` at once and re-anchors on
/// the present, rather than flooding the store to catch up on time that is gone.
public struct DemoPacer: Sendable {
    /// What to do now.
    public enum Decision: Sendable, Equatable {
        /// Send this many messages now, then ask again.
        case send(Int)
        /// Nothing is due for this many nanoseconds.
        case wait(nanoseconds: UInt64)
        /// The rate is zero (or not a number): nothing will ever be due.
        case paused
    }

    /// Messages per second; zero, negative or NaN pauses.
    public let rate: Double
    /// The most messages one decision hands out.
    public let maxBurst: Int
    private var anchor: UInt64
    private var sentSinceAnchor: UInt64 = 0

    /// Starts the schedule at `now` (the first message is due immediately). `maxBurst`
    /// defaults to one second's worth of messages.
    public init(rate: Double, maxBurst: Int? = nil, now: UInt64) {
        self.rate = rate.isFinite && rate > 0 ? min(rate, 1_000_000) : 0
        self.maxBurst = max(1, maxBurst ?? Int(self.rate.rounded(.up)))
        self.anchor = now
    }

    /// Decides at `now`; a `send` decision counts its messages as sent.
    public mutating func poll(now: UInt64) -> Decision {
        guard rate > 0 else { return .paused }
        let elapsed = now > anchor ? now - anchor : 0
        let dueTotal = UInt64((Double(elapsed) * rate / 1e9).rounded(.down)) + 1
        if dueTotal > sentSinceAnchor {
            let due = dueTotal - sentSinceAnchor
            if due > UInt64(maxBurst) {
                anchor = now
                sentSinceAnchor = 1
                return .send(maxBurst)
            }
            sentSinceAnchor = dueTotal
            return .send(Int(due))
        }
        let offset = (Double(sentSinceAnchor) * 1e9 / rate).rounded(.up)
        guard offset < 1e18 else { return .wait(nanoseconds: 1_000_000_000_000_000_000) }  // a rate of one a decade
        let nextDue = anchor &+ UInt64(offset)
        return .wait(nanoseconds: max(1, nextDue > now ? nextDue - now : 1))
    }
}
