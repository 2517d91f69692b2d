import Glibc

/// Where the server listens and how much it takes on; every field has a production default.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// How event loops share incoming connections.
    public enum AcceptStrategy: Sendable, Equatable {
        /// Each loop owns a listener on the same port (`SO_REUSEPORT`); the kernel spreads
        /// connections evenly by hashing their addresses, whether or not a loop is busy: under
        /// `wrk -c64` both loops carried load (thread CPU 91/53 and 71/71 ticks in two runs) and
        /// competed with wrk for the two cores (0.84x nginx's requests/s).
        case reusePort
        /// One listener watched by every loop with `EPOLLEXCLUSIVE`, as nginx does; the kernel
        /// wakes one idle loop per connection, in practice the same one while it stays idle
        /// (all 64 `wrk` connections landed on one loop: thread CPU 144/0 ticks, 1.05x
        /// nginx's requests/s). `maxLoopImbalance` bounds how far one loop may get ahead, so
        /// thousands of long-lived streams still spread. The default.
        case sharedListener
    }

    /// Numeric IPv4 or IPv6 address to bind.
    public var host: String = "127.0.0.1"
    /// TCP port; 0 binds an ephemeral port, which `HTTPServer.start()` returns.
    public var port: Int = 8080
    /// Event loop threads; defaults to the number of online CPUs.
    public var threads: Int = HTTPServerConfiguration.onlineProcessorCount
    /// Most open client connections across all loops; a connection above it gets 503 and is closed.
    public var maxConnections: Int = 10_000
    /// Connections beyond `maxConnections` that may be held open at once just to send their 503;
    /// past this they are closed without an answer.
    public var rejectedConnectionAllowance: Int = 1024
    /// Per-request and per-connection bounds.
    public var limits = HTTPLimits()
    /// How loops share the listening port.
    public var acceptStrategy: AcceptStrategy = .sharedListener
    /// With `.sharedListener`: connections a loop may hold beyond the least-loaded loop before
    /// it hands the connections it accepts to that loop (see `ConnectionBalancer`).
    public var maxLoopImbalance: Int = 256
    /// Bytes each loop reads per `recv`, beyond room for one partial head.
    public var readBufferSize: Int = 64 * 1024
    /// Most ready events handled per `epoll_wait`.
    public var eventsPerWait: Int = 512
    /// Most connections one loop accepts per wakeup, so a connection flood cannot starve the
    /// loop's established connections.
    public var acceptsPerWakeup: Int = 64
    /// How long a loop stops accepting after the process ran out of descriptors (`EMFILE`).
    public var acceptBackoff: Duration = .milliseconds(100)

    /// The defaults, on `host`:`port`.
    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    /// CPUs online now (at least 1).
    public static var onlineProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
