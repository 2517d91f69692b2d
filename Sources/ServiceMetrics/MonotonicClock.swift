#if canImport(Glibc)
import Glibc
#endif

/// The monotonic clock in nanoseconds, for measuring durations on a hot path.
///
/// `clock_gettime(CLOCK_MONOTONIC)` is served by the vDSO on Linux: no system call, no
/// allocation, some 20 ns; `ContinuousClock.now` would go through the Swift runtime instead.
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point; only differences mean anything.
    @inline(__always)
    public static func nanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
