extension EventLoop {
    /// Makes sure the deadline queue wakes the loop by the connection's current deadline.
    /// Only an earlier deadline pushes an entry; a later one is found when the old entry pops.
    @inline(__always)
    func schedule(_ connection: Connection) {
        guard let deadline = connection.lifecycle.deadline else { return }
        if let scheduled = connection.scheduledDeadline, scheduled <= deadline { return }
        deadlines.push(.init(deadline: deadline, connection: connection.id))
        connection.scheduledDeadline = deadline
    }

    /// Acts on every deadline that has passed, and re-arms entries whose deadline moved.
    func expireDeadlines() {
        resumeAcceptingIfDue()
        while let entry = deadlines.popExpired(at: now) {
            guard let connection = table.lookup(entry.connection), connection.scheduledDeadline == entry.deadline else { continue }
            connection.scheduledDeadline = nil
            if let expiry = connection.lifecycle.expiry(at: now) { expire(connection, expiry) }
            if connection.socket.isOpen { schedule(connection) }
        }
    }

    private func expire(_ connection: Connection, _ expiry: ConnectionLifecycle.Expiry) {
        switch expiry {
        case .head:
            guard connection.hasPartialRequest else {
                close(connection, streamReason: .clientDisconnected, why: "no request within the head timeout")
                return
            }
            reject(connection, HTTPRejection(status: .requestTimeout, detail: "request not received within \(limits.headTimeout)"))
            flush(connection)
        case .idle:
            close(connection, streamReason: .clientDisconnected, why: nil)
        case .send:
            close(connection, streamReason: .sendTimeout, why: "client stopped reading")
        case .linger:
            close(connection, streamReason: .clientDisconnected, why: nil)
        }
    }

    /// Stops accepting, closes idle connections, ends streams, and lets in-flight requests
    /// finish (their responses say `Connection: close`) until `shutdownTimeout`.
    func beginShutdown() {
        shuttingDown = true
        shutdownDeadline = now + limits.shutdownTimeout.nanoseconds
        if let listener {
            epoll.remove(listener.rawValue)
            listener.closeIfOwned()
            self.listener = nil
        }
        for connection in table.all where connection.socket.isOpen {
            if connection.stream != nil {
                endStream(connection, reason: .serverShutdown)
                flush(connection)
                continue
            }
            switch connection.lifecycle.phase {
            case .idle, .receiving:
                // Take in what already arrived: a request sent just before the shutdown is in
                // flight too, and is answered (with `Connection: close`).
                connection.readable = true
                service(connection)
                guard connection.socket.isOpen, connection.lifecycle.phase == .idle || connection.lifecycle.phase == .receiving,
                      !connection.hasPartialRequest else { continue }
                if connection.unsentCount == 0 {
                    close(connection, streamReason: .serverShutdown, why: nil)
                } else {
                    connection.lifecycle.closeAfterOutput()
                }
            case .streaming, .closing, .lingering:
                continue
            }
        }
        logger.debug("event loop draining", metadata: ["connections": "\(table.count)"])
    }

    /// Closes whatever is left (the shutdown timeout passed) and releases the listener.
    func finish() {
        for connection in table.all {
            close(connection, streamReason: .serverShutdown, why: "shutdown timeout")
        }
        if let listener {
            epoll.remove(listener.rawValue)
            listener.closeIfOwned()
            self.listener = nil
        }
        deadlines.removeAll()
        logger.debug("event loop stopped")
    }
}
