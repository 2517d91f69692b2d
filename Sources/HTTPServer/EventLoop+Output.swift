import Glibc

extension EventLoop {
    /// Where responses for `connection` go now: behind its unsent bytes, or into the scratch
    /// buffer (sent, and only the remainder copied, by the next `flush`).
    @inline(__always)
    func outputBuffer(for connection: Connection) -> ByteBuffer {
        if let output = connection.output, !output.isEmpty { return output }
        return scratch
    }

    /// Calls the responder and queues its answer; decides what the connection does next.
    func respond(_ connection: Connection, to request: HTTPRequest, keepAlive: Bool, nextRequestBuffered: Bool) {
        let response = context.responder.respond(to: request)
        let keepAlive = keepAlive && !shuttingDown
        let isHead = request.method == .head
        let http10 = request.version.minor == 0
        if response.onUpgrade != nil && response.status.code == 101 && !isHead {
            startUpgrade(connection, response: response)
            return
        }
        if response.onStreamOpen != nil && ResponseEncoder.allowsBody(response.status) && !isHead {
            startStream(connection, response: response, keepAlive: keepAlive, http10: http10)
            return
        }
        let framing: ResponseEncoder.Framing
        if !ResponseEncoder.allowsBody(response.status) {
            framing = .none
        } else if response.onStreamOpen != nil {
            framing = http10 ? .closeDelimited : .chunked
        } else {
            framing = .length(response.body.count)
        }
        let keep = keepAlive && framing != .closeDelimited
        encode(response, framing: framing, keepAlive: keep, http10: http10, withBody: !isHead, for: connection)
        if keep {
            connection.lifecycle.requestCompleted(at: now, nextRequestBuffered: nextRequestBuffered)
        } else {
            connection.lifecycle.closeAfterOutput()
        }
    }

    /// Answers a request the server refuses itself, then closes after the response.
    func reject(_ connection: Connection, _ rejection: HTTPRejection) {
        logger.debug("rejected request", metadata: [
            "status": "\(rejection.status.code)", "reason": "\(rejection.detail)", "connection": "\(connection.id.slot)",
        ])
        let response = context.responder.respond(toRejected: rejection)
        let framing: ResponseEncoder.Framing = ResponseEncoder.allowsBody(response.status) ? .length(response.body.count) : .none
        encode(response, framing: framing, keepAlive: false, http10: false, withBody: true, for: connection)
        connection.input = nil
        connection.pendingBody = nil
        connection.inputPaused = false
        connection.lifecycle.closeAfterOutput()
    }

    /// Serialises head and body; a head the encoder refuses becomes a bare 500.
    func encode(_ response: HTTPResponse, framing: ResponseEncoder.Framing, keepAlive: Bool, http10: Bool, withBody: Bool, for connection: Connection) {
        let out = outputBuffer(for: connection)
        if ResponseEncoder.appendHead(status: response.status, headers: response.headers, framing: framing, keepAlive: keepAlive, http10Client: http10, date: date.line, to: out) {
            if withBody, case .length = framing { out.append(response.body) }
            return
        }
        if responseWarnings.allows(at: now) {
            logger.warning("responder returned a status or header that cannot be sent; answered 500 instead", metadata: ["status": "\(response.status.code)"])
        }
        _ = ResponseEncoder.appendHead(status: .internalServerError, headers: HTTPHeaders(), framing: .length(0), keepAlive: keepAlive, http10Client: http10, date: date.line, to: out)
    }

    /// Sends the head of a streamed response and hands the application its writer.
    private func startStream(_ connection: Connection, response: HTTPResponse, keepAlive: Bool, http10: Bool) {
        let chunked = !http10
        let out = outputBuffer(for: connection)
        let keep = keepAlive && chunked
        guard ResponseEncoder.appendHead(status: response.status, headers: response.headers, framing: chunked ? .chunked : .closeDelimited, keepAlive: keep, http10Client: http10, date: date.line, to: out) else {
            encode(response, framing: .length(0), keepAlive: keepAlive, http10: http10, withBody: false, for: connection)
            connection.lifecycle.closeAfterOutput()
            return
        }
        let writer = HTTPStreamWriter(mailbox: mailbox, connection: connection.id, limit: limits.outputBufferLimit)
        connection.stream = Connection.ActiveStream(writer: writer, chunked: chunked, keepAlive: keep)
        connection.lifecycle.streamStarted()
        response.onStreamOpen?(writer)
        subscribeIfAsked(connection)
    }

    /// Sends pending output with one `send`; keeps what the kernel did not take. When all is
    /// sent on a connection that is closing, starts the lingering close.
    func flush(_ connection: Connection) {
        let fromScratch = connection.unsentCount == 0
        let buffer = fromScratch ? scratch : connection.output!
        if !buffer.isEmpty && connection.writable {
            do {
                let sent = try Socket.send(connection.socket.rawValue, buffer.readPointer, count: buffer.count)
                buffer.consume(sent)
                if !buffer.isEmpty {
                    connection.writable = false
                    connection.lifecycle.outputPending(at: now, progressed: sent > 0)
                }
            } catch .wouldBlock {
                connection.writable = false
                connection.lifecycle.outputPending(at: now, progressed: false)
            } catch {
                scratch.clear()
                close(connection, streamReason: .clientDisconnected, why: "send failed: \(error)")
                return
            }
        } else if !buffer.isEmpty {
            connection.lifecycle.outputPending(at: now, progressed: false)
        }
        if fromScratch {
            if !buffer.isEmpty {
                let output = connection.output ?? ByteBuffer()
                connection.output = output
                output.append(buffer.readPointer, count: buffer.count)
            }
            // A huge response must not pin its memory in the loop for good.
            scratch.release(keepingUpTo: Self.scratchRetainedCapacity)
        }
        // A subscriber's output is usually sent whole: 0 again, and the writer's lock untouched.
        if let stream = connection.stream, connection.reportedUnsent != connection.unsentCount {
            connection.reportedUnsent = connection.unsentCount
            stream.writer.reportUnsent(connection.unsentCount)
        }
        guard connection.unsentCount == 0 else { return }
        connection.lifecycle.outputDrained()
        connection.output?.release(keepingUpTo: 16 * 1024)
        if connection.lifecycle.phase == .closing { startLingering(connection) }
    }

    /// The final response is out: half-close, then drain the peer's input until it closes too.
    private func startLingering(_ connection: Connection) {
        if connection.peerClosed {
            close(connection, streamReason: .clientDisconnected, why: nil)
            return
        }
        Socket.shutdownWrite(connection.socket.rawValue)
        connection.lifecycle.lingerStarted(at: now)
        connection.input = nil
        discardInput(connection)
    }

    /// Closes the socket, ends any stream with `streamReason`, and frees the slot.
    func close(_ connection: Connection, streamReason: HTTPStreamCloseReason, why: String?) {
        guard connection.socket.isOpen else { return }
        if let why { logger.debug("closing connection", metadata: ["connection": "\(connection.id.slot)", "reason": "\(why)"]) }
        // Handlers serve one connection at a time, so anything in scratch is this one's output.
        scratch.clear()
        connection.socket.close()
        table.remove(connection.id)
        if connection.countsAgainstCap {
            context.openConnections.subtract(1, ordering: .relaxed)
        } else {
            context.rejectingConnections.subtract(1, ordering: .relaxed)
        }
        connection.upgraded = nil
        unsubscribe(connection)
        if let stream = connection.stream {
            connection.stream = nil
            stream.writer.finish(streamReason)
        }
    }
}
