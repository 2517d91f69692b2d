import Glibc

/// Where the server listens and how much it takes on; every field has a production default.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// How event loops share incoming connections.
    public enum AcceptStrategy: Sendable, Equatable {
        /// Each loop owns a listener on the same port (`SO_REUSEPORT`); the kernel spreads
        /// connections by hashing their addresses. The default: under `wrk -c64` both loops
        /// carried load (thread CPU 91/53 and 71/71 ticks in two runs).
        case reusePort
        /// One listener watched by every loop with `EPOLLEXCLUSIVE`; the kernel wakes one
        /// waiting loop per connection. Measured here it wakes the same idle loop every time:
        /// all 64 `wrk` connections landed on one loop (thread CPU 144/0 ticks), even accepting
        /// one connection per wakeup. Kept for hosts where SO_REUSEPORT is unwanted.
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
    public var acceptStrategy: AcceptStrategy = .reusePort
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
