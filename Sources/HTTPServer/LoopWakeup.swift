import CHTTPSystem
import Glibc

/// An eventfd that other threads signal to wake an event loop out of `epoll_wait`.
///
/// `@unchecked Sendable`: `signal()` is a single `write` on a descriptor that stays open for the
/// object's life (the kernel serialises eventfd writes), and `drain()` runs only on the owning
/// loop's thread.
final class LoopWakeup: @unchecked Sendable {
    private let descriptor: FileDescriptor

    /// Creates a non-blocking eventfd.
    init() throws(SocketError) {
        let raw = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard raw >= 0 else { throw SocketError.lastError("eventfd") }
        descriptor = FileDescriptor(raw)
    }

    /// The descriptor to register with the loop's epoll.
    var rawValue: Int32 { descriptor.rawValue }

    /// Wakes the loop; signals that arrive before it runs coalesce into one wakeup.
    func signal() {
        var one: UInt64 = 1
        // A full counter (EAGAIN) still leaves the eventfd readable, so the wakeup is not lost.
        _ = Glibc.write(descriptor.rawValue, &one, MemoryLayout<UInt64>.size)
    }

    /// Resets the counter so the next signal wakes the loop again.
    func drain() {
        var value: UInt64 = 0
        _ = Glibc.read(descriptor.rawValue, &value, MemoryLayout<UInt64>.size)
    }
}
