/// The RFC 6455 protocol state of one connection around the codec, for either role.
///
/// A value type with an injected clock: bytes go in with `receive`, and `nextAction(now:)`
/// hands back one thing to do at a time (send bytes, deliver a message, close the transport),
/// so every rule is tested without sockets or sleeps. Pings are answered with pongs echoing
/// their payload; a close from the peer is answered with a close echoing its code, then the
/// transport closes; our own close waits for the peer's until `closeTimeout`. Once we have
/// sent a close, data frames and pings from the peer are dropped (we may not answer them), and
/// once the connection is closed every byte is ignored.
public struct WebSocketConnectionState: Sendable {
    /// Where the connection is in its life.
    public enum Phase: Sendable, Equatable {
        /// Messages flow both ways.
        case open
        /// We sent a close frame and wait for the peer's until the deadline.
        case closing(deadline: ContinuousClock.Instant)
        /// Over; the transport is (to be) closed.
        case closed(WebSocketClosure)
    }

    /// Where the connection is now.
    public internal(set) var phase = Phase.open
    /// How long our close waits for the peer's answer.
    public let closeTimeout: Duration
    /// Frames we send, masked or not by role.
    public let encoder: WebSocketFrameEncoder
    private var decoder: WebSocketMessageDecoder
    /// A second action produced by the same frame (a ping's delivery after its pong).
    var pending: WebSocketAction?
    /// The close frame we sent, reported if the peer never answers it.
    var sentClose = (code: WebSocketCloseCode.normalClosure, reason: "")

    /// A fresh, open connection for `role`. `encoder` defaults to one drawing random masking
    /// keys; tests pass one with fixed keys.
    public init(
        role: WebSocketRole, limits: WebSocketLimits = WebSocketLimits(), closeTimeout: Duration = .seconds(5),
        encoder: WebSocketFrameEncoder? = nil
    ) {
        self.closeTimeout = closeTimeout
        self.encoder = encoder ?? WebSocketFrameEncoder(role: role)
        decoder = WebSocketMessageDecoder(role: role, limits: limits)
    }

    /// Whether messages may still be sent.
    public var isOpen: Bool { phase == .open }

    /// Bytes received but not yet returned in an action (part of a frame, or whole frames).
    public var bufferedByteCount: Int { decoder.frames.bufferedByteCount }

    /// The moment `nextAction` must be called even if no bytes arrive (our close's deadline).
    public var deadline: ContinuousClock.Instant? {
        if case .closing(let deadline) = phase { return deadline }
        return nil
    }

    /// Bytes read from the transport; ignored once closed.
    public mutating func receive(_ bytes: UnsafeRawBufferPointer) {
        if case .closed = phase { return }
        decoder.append(bytes)
    }

    /// Bytes read from the transport, from any byte sequence; ignored once closed.
    public mutating func receive(contentsOf bytes: some Sequence<UInt8>) {
        if case .closed = phase { return }
        decoder.append(contentsOf: bytes)
    }

    /// The next thing to do, or nil until more bytes arrive (or the deadline passes).
    public mutating func nextAction(now: ContinuousClock.Instant) -> WebSocketAction? {
        if let action = pending {
            pending = nil
            return action
        }
        switch phase {
        case .closed: return nil
        case .closing(let deadline) where now >= deadline:
            return finish(WebSocketClosure(code: sentClose.code, reason: sentClose.reason, cause: .closeTimedOut))
        default: break
        }
        do {
            while let message = try decoder.nextMessage() {
                if let action = handle(message) { return action }
            }
            return nil
        } catch {
            return fail(error)
        }
    }
}
