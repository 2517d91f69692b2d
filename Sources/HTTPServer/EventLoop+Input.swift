import Glibc

extension EventLoop {
    /// Does everything a connection is ready for: drain output, then read and answer requests.
    func service(_ connection: Connection) {
        if connection.writable && connection.unsentCount > 0 {
            flush(connection)
            guard connection.socket.isOpen else { return }
        }
        if connection.readable || (connection.inputPaused && connection.unsentCount < limits.outputBufferLimit) {
            readAndRespond(connection)
        }
        if connection.socket.isOpen { schedule(connection) }
    }

    /// Reads what the socket has (edge-triggered: until a short read), answers every complete
    /// request in it, keeps any partial request, and sends all responses with one `send`.
    private func readAndRespond(_ connection: Connection) {
        reading: while connection.socket.isOpen {
            switch connection.lifecycle.phase {
            case .lingering:
                discardInput(connection)
                break reading
            case .closing:
                break reading
            case .receiving, .idle, .streaming:
                break
            }
            var filled = 0
            if let input = connection.input, !input.isEmpty {
                filled = input.count
                readBuffer.copyMemory(from: input.readPointer, byteCount: filled)
                input.clear()
            }
            var received = false
            if connection.readable && filled < readCapacity {
                do {
                    let room = readCapacity - filled
                    switch try Socket.receive(connection.socket.rawValue, into: readBuffer + filled, count: room) {
                    case .bytes(let count):
                        filled += count
                        received = true
                        if count < room {
                            connection.readable = false
                            // A short read after EPOLLRDHUP has taken everything sent before the FIN.
                            if connection.finReceived { connection.peerClosed = true }
                        }
                    case .endOfFile:
                        connection.readable = false
                        connection.peerClosed = true
                    }
                } catch .wouldBlock {
                    connection.readable = false
                } catch {
                    close(connection, streamReason: .clientDisconnected, why: "receive failed: \(error)")
                    return
                }
            }
            if let upgraded = connection.upgraded {
                guard deliver(filled, to: upgraded, on: connection) else { return }
                if !connection.readable { break reading }
                continue
            }
            if connection.stream != nil {
                guard keepWhileStreaming(connection, filled: filled) else { return }
                break reading
            }
            if received { connection.lifecycle.bytesReceived(at: now) }
            connection.inputPaused = false
            let consumed = process(connection, count: filled)
            if consumed < filled && connection.socket.isOpen && connection.lifecycle.phase != .closing {
                if let upgraded = connection.upgraded {
                    // The client spoke the new protocol right behind its upgrade request.
                    upgraded.deliver(Array(UnsafeRawBufferPointer(start: readBuffer + consumed, count: filled - consumed)))
                } else {
                    keep(readBuffer + consumed, count: filled - consumed, for: connection)
                }
            }
            if connection.peerClosed, connection.upgraded != nil {
                close(connection, streamReason: .clientDisconnected, why: "client closed an upgraded connection")
                return
            }
            if connection.peerClosed {
                peerFinishedSending(connection)
                break reading
            }
            if !connection.readable || connection.inputPaused { break reading }
        }
        if connection.socket.isOpen { flush(connection) }
    }

    /// Parses and answers requests in `readBuffer[0..<count]`; returns the bytes consumed.
    /// Stops early at a partial request, a stream, a final response, or when output is over its
    /// limit (then `inputPaused` is set and the rest waits for the client to read).
    private func process(_ connection: Connection, count: Int) -> Int {
        var offset = 0
        var head = HTTPRequestHead()
        while offset < count {
            switch connection.lifecycle.phase {
            case .receiving, .idle: break
            case .streaming, .closing, .lingering: return offset
            }
            if connection.unsentCount + scratch.count >= limits.outputBufferLimit {
                connection.inputPaused = true
                return offset
            }
            let base = readBuffer.assumingMemoryBound(to: UInt8.self) + offset
            if connection.pendingBody != nil {
                offset += receiveBody(connection, base, count: count - offset)
                continue
            }
            let bytes = UnsafeRawBufferPointer(start: base, count: count - offset)
            switch parser.parse(bytes, progress: &connection.headProgress, head: &head, headers: headerSpans) {
            case .needMore:
                return offset
            case .invalid(let rejection):
                reject(connection, rejection)
                return count
            case .complete(let consumed):
                let request = HTTPRequest(head: head, base: base, headers: headerSpans, reusing: takeRecycledHeaders(), loop: index)
                connection.headProgress.reset()
                offset += consumed
                switch head.framing {
                case .none:
                    respond(connection, to: request, keepAlive: head.keepAlive, nextRequestBuffered: offset < count)
                    // Unless the responder kept the request, its header storage is free again by
                    // the next request (checked then: a shared buffer is copied, never reused).
                    recycledHeaders = request.headers
                case .length(let length):
                    connection.pendingBody = .init(request: request, keepAlive: head.keepAlive, remaining: length, chunked: nil)
                    connection.pendingBody!.request.body.reserveCapacity(length)
                case .chunked:
                    connection.pendingBody = .init(request: request, keepAlive: head.keepAlive, remaining: 0, chunked: ChunkedBodyDecoder(limits: limits))
                }
                // The client holds its body back until told to go on; say so unless it sent it anyway.
                if head.expectsContinue && offset == count { outputBuffer(for: connection).append("HTTP/1.1 100 Continue\r\n\r\n") }
            }
        }
        return offset
    }

    /// Feeds body bytes to the pending request; answers it once complete. Returns bytes consumed.
    private func receiveBody(_ connection: Connection, _ base: UnsafePointer<UInt8>, count: Int) -> Int {
        var consumed = count
        var complete = false
        if var decoder = connection.pendingBody!.chunked {
            switch decoder.decode(UnsafeRawBufferPointer(start: base, count: count), into: &connection.pendingBody!.request.body) {
            case .needMore: break
            case .complete(let used): consumed = used; complete = true
            case .invalid(let rejection):
                reject(connection, rejection)
                return count
            }
            connection.pendingBody!.chunked = decoder
        } else {
            consumed = min(count, connection.pendingBody!.remaining)
            connection.pendingBody!.request.body.append(contentsOf: UnsafeBufferPointer(start: base, count: consumed))
            connection.pendingBody!.remaining -= consumed
            complete = connection.pendingBody!.remaining == 0
        }
        if complete, let pending = connection.pendingBody {
            connection.pendingBody = nil
            respond(connection, to: pending.request, keepAlive: pending.keepAlive, nextRequestBuffered: consumed < count)
        }
        return consumed
    }

    /// The header list of an earlier request, for the next request to fill.
    private func takeRecycledHeaders() -> HTTPHeaders {
        var headers = HTTPHeaders()
        swap(&headers, &recycledHeaders)
        return headers
    }

    /// Saves unconsumed input in the connection's own buffer until more arrives.
    private func keep(_ bytes: UnsafeRawPointer, count: Int, for connection: Connection) {
        let input = connection.input ?? ByteBuffer()
        connection.input = input
        input.append(bytes, count: count)
    }

    /// While a stream runs, requests the client pipelines behind it wait (bounded by the head
    /// limit); returns false if the connection was closed.
    private func keepWhileStreaming(_ connection: Connection, filled: Int) -> Bool {
        if connection.peerClosed {
            close(connection, streamReason: .clientDisconnected, why: "client closed during a stream")
            return false
        }
        guard filled <= limits.maxHeadLength else {
            close(connection, streamReason: .clientDisconnected, why: "client sent too much during a stream")
            return false
        }
        if filled > 0 { keep(readBuffer, count: filled, for: connection) }
        return true
    }

    /// The client half-closed: answer what is complete, drop a partial request, then close.
    private func peerFinishedSending(_ connection: Connection) {
        connection.input = nil
        connection.pendingBody = nil
        connection.inputPaused = false
        switch connection.lifecycle.phase {
        case .receiving, .idle:
            connection.lifecycle.closeAfterOutput()
        case .streaming, .closing, .lingering:
            break
        }
    }

    /// Reads and drops input after the final response, so the close does not reset the
    /// connection under a client still sending; at end of file, or past the body limit, closes.
    func discardInput(_ connection: Connection) {
        var discarded = 0
        while connection.readable {
            do {
                switch try Socket.receive(connection.socket.rawValue, into: readBuffer, count: readCapacity) {
                case .bytes(let count):
                    discarded += count
                    if count < readCapacity { connection.readable = false }
                case .endOfFile:
                    close(connection, streamReason: .clientDisconnected, why: nil)
                    return
                }
            } catch .wouldBlock {
                connection.readable = false
            } catch {
                close(connection, streamReason: .clientDisconnected, why: nil)
                return
            }
            if discarded > limits.maxBodyLength + limits.maxHeadLength {
                close(connection, streamReason: .clientDisconnected, why: "client kept sending after the final response")
                return
            }
        }
    }
}
