/// The timeout-relevant state of one connection: which phase it is in and when it must act.
///
/// A value type with an injected clock (`now` in nanoseconds of any monotonic clock) so every
/// transition and expiry is tested without sockets or sleeps; the event loop only feeds it
/// events and asks for `deadline` and `expiry(at:)`.
struct ConnectionLifecycle: Equatable {
    /// Where the connection is between accept and close.
    enum Phase: Equatable {
        /// Reading a request: from accept, or from the first byte after an idle spell.
        case receiving
        /// Keep-alive, waiting for the next request.
        case idle
        /// Sending a long-lived response; no read deadline.
        case streaming
        /// The final response is queued; waiting for it to drain.
        case closing
        /// Sending side shut; reading and discarding until end of file or the linger deadline.
        case lingering
    }

    /// Why a deadline passed.
    enum Expiry: Equatable {
        case head, idle, send, linger
    }

    /// The durations, in nanoseconds.
    struct Timeouts: Equatable {
        var head: Int64, idle: Int64, send: Int64, linger: Int64

        /// The four timeouts of `limits`.
        init(_ limits: HTTPLimits) {
            head = limits.headTimeout.nanoseconds
            idle = limits.idleTimeout.nanoseconds
            send = limits.sendTimeout.nanoseconds
            linger = limits.lingerTimeout.nanoseconds
        }
    }

    private(set) var phase = Phase.receiving
    private(set) var readDeadline: Int64?
    private(set) var sendDeadline: Int64?
    /// The durations every deadline is computed from.
    let timeouts: Timeouts

    /// A freshly accepted connection: its first head must arrive within the head timeout.
    init(acceptedAt now: Int64, timeouts: Timeouts) {
        self.timeouts = timeouts
        readDeadline = now + timeouts.head
    }

    /// The earliest moment something must happen, or nil.
    var deadline: Int64? {
        guard let read = readDeadline else { return sendDeadline }
        guard let send = sendDeadline else { return read }
        return min(read, send)
    }

    /// Bytes of a request arrived: an idle connection starts its head clock now.
    mutating func bytesReceived(at now: Int64) {
        if phase == .idle {
            phase = .receiving
            readDeadline = now + timeouts.head
        }
    }

    /// A request was answered and the connection stays open; with bytes of the next request
    /// already buffered its head clock starts now, otherwise the idle clock does.
    mutating func requestCompleted(at now: Int64, nextRequestBuffered: Bool) {
        phase = nextRequestBuffered ? .receiving : .idle
        readDeadline = now + (nextRequestBuffered ? timeouts.head : timeouts.idle)
    }

    /// A long-lived response started: reading stops timing out.
    mutating func streamStarted() {
        phase = .streaming
        readDeadline = nil
    }

    /// The last response is queued; only the send deadline applies until it drains.
    mutating func closeAfterOutput() {
        phase = .closing
        readDeadline = nil
    }

    /// The sending side is shut; give the peer the linger time to finish sending.
    mutating func lingerStarted(at now: Int64) {
        phase = .lingering
        readDeadline = now + timeouts.linger
        sendDeadline = nil
    }

    /// A send left bytes unsent: start the send clock unless it already runs, or restart it
    /// when `progressed` (some bytes did go out).
    mutating func outputPending(at now: Int64, progressed: Bool) {
        if sendDeadline == nil || progressed { sendDeadline = now + timeouts.send }
    }

    /// Everything queued was sent.
    mutating func outputDrained() { sendDeadline = nil }

    /// Which deadline has passed at `now`, if any (send first: a stuck peer is the worse fault).
    func expiry(at now: Int64) -> Expiry? {
        if let send = sendDeadline, send <= now { return .send }
        guard let read = readDeadline, read <= now else { return nil }
        switch phase {
        case .receiving: return .head
        case .idle: return .idle
        case .lingering: return .linger
        case .streaming, .closing: return nil
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds (saturating), as the event loop's clock counts.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return scaled.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
