extension EventLoop {
    /// Drains the mailbox: stream writes and closes posted from other threads, and shutdown.
    func handleMailbox() {
        mailbox.wakeup.drain()
        let shutdownRequested = mailbox.take(into: &postedStreams, broadcasts: &postedBroadcasts, adoptions: &postedAdoptions)
        for adoption in postedAdoptions { adopt(adoption.socket) }
        postedAdoptions.removeAll(keepingCapacity: true)
        for id in postedStreams {
            guard let connection = table.lookup(id), connection.stream != nil else { continue }
            serviceStream(connection)
        }
        postedStreams.removeAll(keepingCapacity: true)
        deliver(postedBroadcasts)
        postedBroadcasts.removeAll(keepingCapacity: true)
        if shutdownRequested && !shuttingDown { beginShutdown() }
    }

    /// Moves a stream's queued bytes into the connection's output as one chunk, and sends.
    private func serviceStream(_ connection: Connection) {
        guard let stream = connection.stream else { return }
        let work = stream.writer.takeWork()
        connection.reportedUnsent = -1
        if work.overflowed {
            close(connection, streamReason: .outputBufferOverflow, why: "stream output over \(limits.outputBufferLimit) bytes")
            return
        }
        appendStreamBytes(work.bytes, chunked: stream.chunked, to: connection)
        if work.closeRequested { endStream(connection, reason: .closedByApplication) }
        flush(connection)
        guard connection.socket.isOpen else { return }
        // Requests pipelined behind the stream can run now that it ended.
        if connection.inputPaused {
            service(connection)
        } else {
            schedule(connection)
        }
    }

    /// Ends a stream cleanly: the last chunk for chunked framing, then keep-alive or close.
    func endStream(_ connection: Connection, reason: HTTPStreamCloseReason) {
        guard let stream = connection.stream else { return }
        unsubscribe(connection)
        connection.stream = nil
        connection.upgraded = nil
        if stream.chunked { outputBuffer(for: connection).append("0\r\n\r\n") }
        if stream.keepAlive && !shuttingDown {
            let buffered = connection.bufferedInputCount > 0
            connection.lifecycle.requestCompleted(at: now, nextRequestBuffered: buffered)
            connection.inputPaused = buffered
        } else {
            connection.lifecycle.closeAfterOutput()
        }
        stream.writer.finish(reason)
    }

}
