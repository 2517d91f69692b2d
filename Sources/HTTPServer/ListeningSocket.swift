/// A listening socket that event loops watch.
///
/// `@unchecked Sendable`: the descriptor number never changes while open. With
/// `.reusePort` exactly one loop holds each listener and only that loop closes it; a shared
/// listener is only `shutdown(2)` by the server (safe from any thread) and closed by `deinit`
/// once the server and every loop have let go of it.
final class ListeningSocket: @unchecked Sendable {
    private let descriptor: FileDescriptor
    /// Whether several loops watch this socket (`EPOLLEXCLUSIVE`).
    let isShared: Bool

    /// Takes ownership of a bound, listening socket.
    init(_ descriptor: FileDescriptor, isShared: Bool) {
        self.descriptor = descriptor
        self.isShared = isShared
    }

    /// The descriptor, for epoll and accept.
    var rawValue: Int32 { descriptor.rawValue }

    /// Closes a listener owned by one loop; a shared one is only closed by `deinit`.
    func closeIfOwned() {
        if !isShared { descriptor.close() }
    }

    /// Makes a shared listener refuse new connections at once, from any thread.
    func stopAccepting() {
        if descriptor.isOpen { Socket.shutdownBoth(descriptor.rawValue) }
    }
}
