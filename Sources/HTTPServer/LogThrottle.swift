/// Lets a log line through at most once per interval, so a flood of the same event
/// (refused connections, descriptor exhaustion) cannot flood the log.
struct LogThrottle {
    private var last: Int64 = .min
    /// Nanoseconds between lines.
    let interval: Int64

    /// A throttle that lets the first line through, then one per `interval`.
    init(interval: Duration) { self.interval = interval.nanoseconds }

    /// Whether a line may be logged at `now` (nanoseconds); counts it if so.
    mutating func allows(at now: Int64) -> Bool {
        guard last == .min || now - last >= interval else { return false }
        last = now
        return true
    }
}
