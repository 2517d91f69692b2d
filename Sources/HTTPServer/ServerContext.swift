import Logging
import Synchronization

/// What every event loop of one server shares: settings, the responder and connection counts.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let logger: Logger
    /// Connections within `maxConnections`, across all loops.
    let openConnections = Atomic<Int>(0)
    /// Connections above the cap held open only to send their 503.
    let rejectingConnections = Atomic<Int>(0)

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }
}

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

    init(_ descriptor: FileDescriptor, isShared: Bool) {
        self.descriptor = descriptor
        self.isShared = isShared
    }

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

/// Lets a log line through at most once per interval, so a flood of the same event
/// (refused connections, descriptor exhaustion) cannot flood the log.
struct LogThrottle {
    private var last: Int64 = .min
    let interval: Int64

    init(interval: Duration) { self.interval = interval.nanoseconds }

    mutating func allows(at now: Int64) -> Bool {
        guard last == .min || now - last >= interval else { return false }
        last = now
        return true
    }
}
