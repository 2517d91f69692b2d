/// The loop's side of `HTTPBroadcastHub`: subscribing streams, delivering messages to them and
/// sending heartbeats to idle ones. Everything here runs on the loop's thread.
extension EventLoop {
    /// Takes the receiver `onOpen` subscribed, if any, and adds the stream to this loop's
    /// subscribers, after moving what `onOpen` wrote into the output so it goes first.
    func subscribeIfAsked(_ connection: Connection) {
        guard let stream = connection.stream, let receiver = stream.writer.takeReceiver(),
              let hub = context.broadcastHub else { return }
        let work = stream.writer.takeWork()
        connection.reportedUnsent = -1
        if work.overflowed {
            close(connection, streamReason: .outputBufferOverflow, why: "stream output over \(limits.outputBufferLimit) bytes")
            return
        }
        appendStreamBytes(work.bytes, chunked: stream.chunked, to: connection)
        if work.closeRequested {
            endStream(connection, reason: .closedByApplication)
            return
        }
        broadcastSubscribers.add(.init(connection: connection, receiver: receiver, lastSent: now))
        connection.broadcasting = true
        hub.subscribers.add(1, ordering: .relaxed)
        if nextIdleSweep == nil, let idle = hub.idleNanoseconds { nextIdleSweep = now + idle }
    }

    /// Forgets a closing or ending stream's subscription.
    func unsubscribe(_ connection: Connection) {
        guard connection.broadcasting else { return }
        connection.broadcasting = false
        if broadcastSubscribers.remove(connection.id) {
            context.broadcastHub?.subscribers.subtract(1, ordering: .relaxed)
        }
    }

    /// Asks every subscriber for its bytes of `messages` (all those of one wakeup, in order) and
    /// sends them with one `send` per subscriber however many messages a burst brought. Walks
    /// backwards, so a subscriber closed on the way (its entry replaced by the last, already
    /// visited) is safe.
    func deliver(_ messages: [any HTTPBroadcastMessage]) {
        guard !messages.isEmpty else { return }
        var index = broadcastSubscribers.count - 1
        var queued = 0
        while index >= 0 {
            let entry = broadcastSubscribers[index]
            broadcastScratch.removeAll(keepingCapacity: true)
            for message in messages { entry.receiver.receive(message, into: &broadcastScratch) }
            if !broadcastScratch.isEmpty {
                queued += send(broadcastScratch, toSubscriber: entry.connection, at: index)
            }
            index -= 1
        }
        reportQueued(queued)
    }

    /// Sends the heartbeat to every subscriber sent nothing for the idle interval, and plans
    /// the next check (no sooner than an eighth of the interval from now).
    func sweepIdleSubscribers() {
        guard let hub = context.broadcastHub, let idle = hub.idleNanoseconds, !broadcastSubscribers.isEmpty else {
            nextIdleSweep = nil
            return
        }
        var next = Int64.max
        var index = broadcastSubscribers.count - 1
        while index >= 0 {
            let entry = broadcastSubscribers[index]
            if now - entry.lastSent >= idle {
                _ = send(hub.idleBytes, toSubscriber: entry.connection, at: index)
                next = min(next, now + idle)
            } else {
                next = min(next, entry.lastSent + idle)
            }
            index -= 1
        }
        nextIdleSweep = max(next, now + idle / 8)
    }

    /// Queues `bytes` behind the connection's unsent output and sends; disconnects a subscriber
    /// whose unsent output would exceed the limit. Returns the bytes left unsent.
    private func send(_ bytes: [UInt8], toSubscriber connection: Connection, at index: Int) -> Int {
        guard let stream = connection.stream else { return 0 }
        if connection.unsentCount + bytes.count > limits.outputBufferLimit {
            context.broadcastHub?.overflowDisconnects.add(1, ordering: .relaxed)
            close(connection, streamReason: .outputBufferOverflow, why: "subscriber output over \(limits.outputBufferLimit) bytes")
            return 0
        }
        appendStreamBytes(bytes, chunked: stream.chunked, to: connection)
        broadcastSubscribers.touch(index, at: now)
        flush(connection)
        guard connection.socket.isOpen else { return 0 }
        // Output left unsent started (or kept) the send clock: put it in the deadline queue.
        schedule(connection)
        return connection.unsentCount
    }

    /// Frames bytes for the stream (a chunk, or as they are when close-delimited).
    func appendStreamBytes(_ bytes: [UInt8], chunked: Bool, to connection: Connection) {
        let out = outputBuffer(for: connection)
        if chunked {
            ResponseEncoder.appendChunk(bytes, to: out)
        } else {
            out.append(bytes)
        }
    }

    /// Publishes this loop's share of the queued bytes as a delta on the hub's total.
    private func reportQueued(_ queued: Int) {
        guard queued != reportedQueuedBytes, let hub = context.broadcastHub else { return }
        hub.queuedBytes.add(queued - reportedQueuedBytes, ordering: .relaxed)
        reportedQueuedBytes = queued
    }
}
