#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An instant as whole milliseconds since the Unix epoch, UTC. Cheaper than `Date` to compare,
/// hash and render, and exact: no floating point creeps into ordering or ETags.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Interprets an upstream epoch number that may be seconds (ratings) or milliseconds
    /// (the insights example): anything above 10^11 is taken as milliseconds, since 10^11 seconds
    /// lies in the year 5138 while 10^11 milliseconds is March 1973.
    public init(epochSecondsOrMilliseconds value: Int64) {
        millisecondsSinceEpoch = value > 100_000_000_000 || value < -100_000_000_000 ? value : value * 1000
    }

    /// The current wall-clock time.
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    public var description: String { rfc3339 }
}
