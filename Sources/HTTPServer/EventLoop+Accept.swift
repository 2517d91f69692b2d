import CHTTPSystem
import Glibc

extension EventLoop {
    /// Accepts a bounded batch of waiting connections; above the cap each one gets a 503.
    func acceptConnections() {
        guard let listener, !shuttingDown, acceptPausedUntil == nil else { return }
        for _ in 0..<max(1, context.configuration.acceptsPerWakeup) {
            let socket: FileDescriptor
            do {
                socket = try Socket.accept(listener.rawValue)
            } catch .wouldBlock {
                return
            } catch where error.hasCode(EINVAL) {
                // The server shut the shared listener down; this loop hears of it in a moment.
                epoll.remove(listener.rawValue)
                self.listener = nil
                return
            } catch {
                pauseAccepting(after: error)
                return
            }
            admit(socket)
        }
    }

    /// Registers a new connection, or answers 503 if the server is at `maxConnections`.
    private func admit(_ socket: FileDescriptor) {
        let configuration = context.configuration
        let open = context.openConnections.add(1, ordering: .relaxed).newValue
        if open <= configuration.maxConnections {
            if let peer = context.balancer.destination(from: index, holding: table.count) {
                peerMailboxes[peer].post(adopt: socket)
            } else if register(socket, countsAgainstCap: true) == nil {
                context.openConnections.subtract(1, ordering: .relaxed)
            }
            return
        }
        context.openConnections.subtract(1, ordering: .relaxed)
        if capWarnings.allows(at: now) {
            logger.warning("connection limit reached; refusing new connections with 503", metadata: ["max_connections": "\(configuration.maxConnections)"])
        }
        let rejecting = context.rejectingConnections.add(1, ordering: .relaxed).newValue
        guard rejecting <= configuration.rejectedConnectionAllowance, let connection = register(socket, countsAgainstCap: false) else {
            // Past the allowance the socket closes unanswered when `socket` goes out of scope.
            context.rejectingConnections.subtract(1, ordering: .relaxed)
            return
        }
        reject(connection, HTTPRejection(status: .serviceUnavailable, detail: "too many connections"))
        flush(connection)
        if connection.socket.isOpen { schedule(connection) }
    }

    /// Serves a connection another loop accepted and handed over (already counted against the
    /// cap); during shutdown it is closed unanswered, as the listener would have refused it.
    func adopt(_ socket: FileDescriptor) {
        if shuttingDown || register(socket, countsAgainstCap: true) == nil {
            socket.close()
            context.openConnections.subtract(1, ordering: .relaxed)
        }
    }

    /// Tells the balancer how many connections this loop holds now.
    func publishConnectionCount() {
        publishedConnectionCount = table.count
        context.balancer.publish(loop: index, count: publishedConnectionCount)
    }

    /// Adds an accepted socket to the table and to epoll; nil if epoll refused it.
    private func register(_ socket: FileDescriptor, countsAgainstCap: Bool) -> Connection? {
        // Best effort: a socket that refuses TCP_NODELAY still works, only with Nagle's delay.
        try? Socket.setNoDelay(socket.rawValue)
        let id = table.nextID()
        do {
            try epoll.add(socket.rawValue, interest: Epoll.connectionEvents, token: id.token)
        } catch {
            table.returnUnused(id)
            logger.debug("could not register a connection", metadata: ["error": "\(error)"])
            return nil
        }
        let connection = Connection(socket: socket, id: id, countsAgainstCap: countsAgainstCap, lifecycle: ConnectionLifecycle(acceptedAt: now, timeouts: timeouts))
        table.insert(connection)
        schedule(connection)
        return connection
    }

    /// Out of descriptors or memory: stop watching the listener for the backoff time, so the
    /// level-triggered listener does not spin, and warn at most once per throttle interval.
    private func pauseAccepting(after error: SocketError) {
        guard let listener else { return }
        epoll.remove(listener.rawValue)
        acceptPausedUntil = now + context.configuration.acceptBackoff.nanoseconds
        if acceptWarnings.allows(at: now) {
            logger.warning("accept failed; pausing accepts", metadata: ["error": "\(error)", "backoff": "\(context.configuration.acceptBackoff)"])
        }
    }

    /// Watches the listener again once the backoff has passed.
    func resumeAcceptingIfDue() {
        guard let until = acceptPausedUntil, now >= until else { return }
        acceptPausedUntil = nil
        guard let listener, !shuttingDown else { return }
        let interest = EPOLLIN.rawValue | (listener.isShared ? EPOLLEXCLUSIVE.rawValue : 0)
        do {
            try epoll.add(listener.rawValue, interest: interest, token: Self.listenerToken)
        } catch {
            acceptPausedUntil = now + context.configuration.acceptBackoff.nanoseconds
        }
    }
}
