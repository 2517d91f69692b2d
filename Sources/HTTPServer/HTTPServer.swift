import Glibc
import Logging
import Synchronization

/// An HTTP/1.1 server: one epoll event loop per thread, each serving its share of connections.
///
/// `start()` binds and returns the port; `shutdown()` (from any thread, for example a signal
/// handler's) stops accepting, lets in-flight responses finish, closes idle connections and
/// ends streams; `waitUntilStopped()` returns once every loop has exited. Signals are left to
/// the caller; only SIGPIPE is ignored, process-wide, as a server writing to sockets must.
public final class HTTPServer: Sendable {
    private enum Phase {
        case created
        case running(port: Int, mailboxes: [EventLoopMailbox], sharedListener: ListeningSocket?)
        case stopping(port: Int)
    }

    private let context: ServerContext
    private let phase = Mutex(Phase.created)
    private let latch = StopLatch()

    /// A server that will serve `responder` as `configuration` says once started; streams may
    /// subscribe to `broadcastHub` (see `HTTPStreamWriter.subscribe`).
    public init(configuration: HTTPServerConfiguration, responder: some HTTPResponder, logger: Logger, broadcastHub: HTTPBroadcastHub? = nil) {
        context = ServerContext(configuration: configuration, responder: responder, logger: logger, broadcastHub: broadcastHub)
    }

    /// The bound port while running (the ephemeral one when configured with port 0).
    public var port: Int? {
        phase.withLock { phase in
            switch phase {
            case .created: nil
            case .running(let port, _, _), .stopping(let port): port
            }
        }
    }

    /// Binds, starts the event loops and returns the bound port. Throws `SocketError` if the
    /// address cannot be bound; may be called once.
    @discardableResult
    public func start() throws -> Int {
        try phase.withLock { phase throws -> Int in
            guard case .created = phase else { preconditionFailure("HTTPServer.start() called twice") }
            signal(SIGPIPE, SIG_IGN)
            let configuration = context.configuration
            let threads = max(1, configuration.threads)
            let listeners = try makeListeners(count: threads)
            let port = try Socket.localPort(of: listeners[0].rawValue)
            var loops: [EventLoop] = []
            for index in 0..<threads {
                loops.append(try EventLoop(index: index, context: context, listener: listeners[listeners.count == 1 ? 0 : index]))
            }
            let mailboxes = loops.map(\.mailbox)
            for loop in loops { loop.peerMailboxes = mailboxes }
            context.broadcastHub?.attach(mailboxes)
            for (index, loop) in loops.enumerated() {
                do {
                    try LoopThread.start(loop, latch: latch, name: "http-loop-\(index)")
                } catch {
                    mailboxes.forEach { $0.requestShutdown() }
                    throw error
                }
            }
            phase = .running(port: port, mailboxes: mailboxes, sharedListener: listeners.count == 1 && listeners[0].isShared ? listeners[0] : nil)
            context.logger.info("HTTP server listening", metadata: [
                "host": "\(configuration.host)", "port": "\(port)", "threads": "\(threads)",
                "accept": "\(configuration.acceptStrategy)", "max_connections": "\(configuration.maxConnections)",
            ])
            return port
        }
    }

    /// Begins a graceful shutdown; returns at once. Safe from any thread, any number of times.
    public func shutdown() {
        let mailboxes = phase.withLock { phase -> [EventLoopMailbox] in
            guard case .running(let port, let mailboxes, let shared) = phase else { return [] }
            phase = .stopping(port: port)
            shared?.stopAccepting()
            return mailboxes
        }
        guard !mailboxes.isEmpty else { return }
        context.logger.notice("HTTP server shutting down", metadata: [
            "open_connections": "\(context.openConnections.load(ordering: .relaxed))",
        ])
        for mailbox in mailboxes { mailbox.requestShutdown() }
    }

    /// Blocks the calling thread until every event loop has stopped (at once if never started).
    public func waitUntilStopped() {
        _ = latch.wait(timeout: nil)
    }

    /// Like `waitUntilStopped()`, giving up after `timeout`; true if every loop has stopped.
    public func waitUntilStopped(timeout: Duration) -> Bool {
        latch.wait(timeout: timeout)
    }

    /// Connections currently open within the cap, across all loops.
    public var openConnectionCount: Int { context.openConnections.load(ordering: .relaxed) }

    /// Connections each event loop holds, by loop index, as each loop last reported them (once
    /// per wakeup); answered 503s included.
    public var connectionsPerLoop: [Int] { context.balancer.counts }

    private func makeListeners(count: Int) throws -> [ListeningSocket] {
        let configuration = context.configuration
        let backlog = configuration.limits.listenBacklog
        guard configuration.acceptStrategy == .reusePort else {
            let socket = try Socket.makeListener(host: configuration.host, port: configuration.port, backlog: backlog, reusePort: false)
            return [ListeningSocket(socket, isShared: true)]
        }
        if configuration.port != 0 {
            // SO_REUSEPORT would let this server share a port another instance of it (same
            // user) already listens on, splitting traffic silently; a plain bind first fails
            // with EADDRINUSE in that case. The probe closes before the real listeners bind.
            _ = try Socket.makeListener(host: configuration.host, port: configuration.port, backlog: 1, reusePort: false)
        }
        let first = try Socket.makeListener(host: configuration.host, port: configuration.port, backlog: backlog, reusePort: true)
        // Every further listener binds the port the first one got (ephemeral when port is 0).
        let port = try Socket.localPort(of: first.rawValue)
        var listeners = [ListeningSocket(first, isShared: false)]
        for _ in 1..<count {
            let socket = try Socket.makeListener(host: configuration.host, port: port, backlog: backlog, reusePort: true)
            listeners.append(ListeningSocket(socket, isShared: false))
        }
        return listeners
    }
}
