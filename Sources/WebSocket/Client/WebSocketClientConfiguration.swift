/// Everything a `WebSocketClient` connection can be tuned with; every limit has a default.
public struct WebSocketClientConfiguration: Sendable {
    /// Time for DNS, TCP connect and the TLS handshake together.
    public var connectTimeout: Duration = .seconds(10)
    /// Time from the connection being up to a valid 101 response.
    public var handshakeTimeout: Duration = .seconds(10)
    /// How long one frame may take to write (a peer that stops reading fails the connection).
    public var sendTimeout: Duration = .seconds(10)
    /// How long our close waits for the peer's close frame before dropping the connection.
    public var closeTimeout: Duration = .seconds(5)
    /// Bounds on incoming messages (maximum message size: 1 MiB, else close 1009).
    public var limits = WebSocketLimits()
    /// Longest 101 response head accepted.
    public var maxHandshakeHeadLength: Int = 16 * 1024
    /// Most header fields accepted in the 101 response.
    public var maxHandshakeHeaderCount: Int = 100
    /// Bytes read from the connection per call (one buffer per client, reused).
    public var receiveChunkSize: Int = 64 * 1024
    /// A PEM file of CA certificates to trust instead of the system's (`--ca-file`).
    /// Verification of the peer's certificate and host name is always on.
    public var caFile: String?
    /// A proxy URL (e.g. `http://proxy:3128`) to tunnel through with CONNECT, or nil for a
    /// direct connection. The environment's `http_proxy`/`https_proxy`/`all_proxy` are
    /// ignored on purpose: a service must not change its network path because of a variable
    /// left in a shell, and a proxy that does not tunnel would break the upgrade.
    public var proxy: String?
    /// The `User-Agent` header of the upgrade request, or nil for none.
    public var userAgent: String?
    /// Idle time before TCP keepalive probes start (nil turns them off); catches a peer that
    /// vanished without a FIN even when the application sends nothing.
    public var tcpKeepAliveIdle: Duration? = .seconds(60)

    /// The defaults above.
    public init() {}
}
