/// The event loop's side of a stream writer; all of these run on the connection's loop thread.
extension HTTPStreamWriter {
    /// What the loop must do for this stream after a wakeup.
    struct Work {
        var bytes: [UInt8]
        var closeRequested: Bool
        var overflowed: Bool
    }

    /// Takes everything queued; the bytes count as unsent until the loop reports otherwise.
    func takeWork() -> Work {
        shared.withLock { state in
            state.scheduled = false
            var bytes: [UInt8] = []
            swap(&bytes, &state.pending)
            state.unsent += bytes.count
            return Work(bytes: bytes, closeRequested: state.closeRequested, overflowed: state.ended == .outputBufferOverflow)
        }
    }

    /// The receiver `subscribe` left, once.
    func takeReceiver() -> (any HTTPBroadcastReceiver)? {
        shared.withLock { state in
            defer { state.receiver = nil }
            return state.receiver
        }
    }

    /// Records how many bytes of this connection's output the kernel has not taken yet.
    func reportUnsent(_ count: Int) {
        shared.withLock { $0.unsent = count }
    }

    /// Marks the stream ended (keeping an earlier overflow as the reason) and tells the close
    /// handler, outside the lock, exactly once.
    func finish(_ reason: HTTPStreamCloseReason) {
        let (handler, final) = shared.withLock { state -> ((@Sendable (HTTPStreamCloseReason) -> Void)?, HTTPStreamCloseReason) in
            if state.ended == nil { state.ended = reason }
            state.reported = true
            state.pending = []
            let handler = state.onClose
            state.onClose = nil
            return (handler, state.ended ?? reason)
        }
        handler?(final)
    }
}
