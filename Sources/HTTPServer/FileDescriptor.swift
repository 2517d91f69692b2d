import Glibc

/// Owns one file descriptor and closes it exactly once, on `close()` or at `deinit`.
///
/// Not `Sendable`: a descriptor belongs to one event loop (or to the server object that made it,
/// for the shared listening socket, which wraps it in a type that documents its own safety).
final class FileDescriptor {
    /// The raw descriptor, or -1 once closed.
    private(set) var rawValue: Int32

    /// Takes ownership of `rawValue`; the caller must not close it.
    init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Whether `close()` has not run yet.
    var isOpen: Bool { rawValue >= 0 }

    /// Closes the descriptor; later calls do nothing. `EINTR` is not retried: on Linux the
    /// descriptor is released even then, and a retry could close a descriptor reused by another thread.
    func close() {
        guard rawValue >= 0 else { return }
        _ = Glibc.close(rawValue)
        rawValue = -1
    }

    deinit { close() }
}
