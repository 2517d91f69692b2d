import CHTTPSystem
import Glibc

/// An epoll instance and the buffer its events are read into; one per event loop thread.
///
/// Connections are registered once, edge-triggered for reading and writing, so the hot path
/// never calls `epoll_ctl` again; the listener is level-triggered so a backlog is never missed.
final class Epoll {
    /// Interest in readable data, peer half-close and writability, reported once per change.
    static let connectionEvents = EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue

    private let descriptor: FileDescriptor
    private let events: UnsafeMutablePointer<epoll_event>
    private let capacity: Int

    /// Creates the instance; `capacity` bounds the events handled per wait.
    init(capacity: Int) throws(SocketError) {
        let raw = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard raw >= 0 else { throw SocketError.lastError("epoll_create1") }
        descriptor = FileDescriptor(raw)
        self.capacity = max(1, capacity)
        events = .allocate(capacity: self.capacity)
    }

    deinit { events.deallocate() }

    /// Registers `fd` for `interest`, tagging its events with `token`.
    func add(_ fd: Int32, interest: UInt32, token: UInt64) throws(SocketError) {
        try control(EPOLL_CTL_ADD, fd, interest: interest, token: token, call: "epoll_ctl(ADD)")
    }

    /// Stops watching `fd`; a descriptor that is already closed is not an error.
    func remove(_ fd: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(descriptor.rawValue, EPOLL_CTL_DEL, fd, &event)
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and returns how many events are ready.
    func wait(timeoutMilliseconds: Int32) throws(SocketError) -> Int {
        let n = epoll_wait(descriptor.rawValue, events, Int32(capacity), timeoutMilliseconds)
        if n >= 0 { return Int(n) }
        if errno == EINTR { return 0 }
        throw SocketError.lastError("epoll_wait")
    }

    /// The token and event bits of the `index`th ready event of the last wait.
    @inline(__always)
    func event(at index: Int) -> (token: UInt64, events: UInt32) {
        let event = events[index]
        return (event.data.u64, event.events)
    }

    private func control(_ operation: Int32, _ fd: Int32, interest: UInt32, token: UInt64, call: String) throws(SocketError) {
        var event = epoll_event()
        event.events = interest
        event.data.u64 = token
        guard epoll_ctl(descriptor.rawValue, operation, fd, &event) == 0 else { throw SocketError.lastError(call) }
    }
}
