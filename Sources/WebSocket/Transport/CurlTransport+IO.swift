import CCurl
import Glibc

extension CurlTransport {
    /// Writes all of `bytes`, waiting for the socket while curl says `CURLE_AGAIN`; throws
    /// `timedOut(stage)` if `deadline` passes first.
    func send(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant, stage: WebSocketError.Stage) throws(WebSocketError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            var sent = 0
            let code = curl_easy_send(handle.raw, base + offset, bytes.count - offset, &sent)
            if code == CURLE_OK {
                offset += sent
            } else if code == CURLE_AGAIN {
                guard wait(events: Int16(POLLOUT), until: deadline) else { throw .timedOut(stage) }
            } else {
                throw .transportFailed(handle.error(call: "curl_easy_send", code: code))
            }
        }
    }

    /// Writes an array of bytes (see `send(_:deadline:stage:)`).
    func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant, stage: WebSocketError.Stage) throws(WebSocketError) {
        // withUnsafeBytes rethrows untyped; carry the typed error out by hand.
        var failure: WebSocketError?
        bytes.withUnsafeBytes { raw in
            do throws(WebSocketError) { try send(raw, deadline: deadline, stage: stage) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// One non-blocking read into `buffer`.
    ///
    /// With TLS, OpenSSL may hold decrypted bytes the socket no longer shows, so callers read
    /// until `.wouldBlock` before they `waitReadable`; only then is polling safe.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(WebSocketError) -> Received {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .wouldBlock }
        var count = 0
        let code = curl_easy_recv(handle.raw, base, buffer.count, &count)
        if code == CURLE_OK { return count == 0 ? .endOfFile : .bytes(count) }
        if code == CURLE_AGAIN { return .wouldBlock }
        throw .transportFailed(handle.error(call: "curl_easy_recv", code: code))
    }

    /// Waits until the socket is readable (or has an error to report) or `deadline` passes;
    /// false on the deadline.
    func waitReadable(until deadline: ContinuousClock.Instant) -> Bool {
        wait(events: Int16(POLLIN), until: deadline)
    }

    /// poll(2) on the socket for `events` until `deadline`; true when it is ready (or in
    /// error: the next curl call reports the error itself).
    private func wait(events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            // Round up so a sub-millisecond remainder does not become a busy 0 ms poll.
            let milliseconds = Int32(clamping: remaining.milliseconds + 1)
            var descriptor = pollfd(fd: socketDescriptor, events: events, revents: 0)
            let result = poll(&descriptor, 1, milliseconds)
            if result > 0 { return true }
            if result < 0, errno != EINTR { return true }
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down (negative durations give negative values).
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
