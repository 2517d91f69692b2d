#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiveState

/// The two clocks demo mode reads: a monotonic one for pacing, a wall clock for timestamps.
public protocol DemoClock: Sendable {
    /// Nanoseconds from an arbitrary origin, never going backwards.
    func monotonicNanoseconds() -> UInt64
    /// The current wall-clock time.
    func now() -> Timestamp
}

/// The system's clocks (`CLOCK_MONOTONIC`, `CLOCK_REALTIME`).
public struct SystemDemoClock: DemoClock {
    /// The system's clocks.
    public init() {}

    /// `CLOCK_MONOTONIC` in nanoseconds.
    public func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// `CLOCK_REALTIME`.
    public func now() -> Timestamp {
        Timestamp.now()
    }
}
