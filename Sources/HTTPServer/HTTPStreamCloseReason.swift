/// Why a streamed response ended; an `HTTPStreamWriter`'s close handler gets exactly one.
public enum HTTPStreamCloseReason: Sendable, Equatable, CustomStringConvertible {
    /// The application called `close()`; the stream was ended cleanly.
    case closedByApplication
    /// The client closed or reset the connection.
    case clientDisconnected
    /// A write would have held more than `HTTPLimits.outputBufferLimit` unsent bytes: the client
    /// reads too slowly, so the connection was dropped rather than let the buffer grow.
    case outputBufferOverflow
    /// Pending output made no progress for `HTTPLimits.sendTimeout`.
    case sendTimeout
    /// The server is shutting down; the stream was ended cleanly.
    case serverShutdown

    /// The reason in words, for logs.
    public var description: String {
        switch self {
        case .closedByApplication: "closed by application"
        case .clientDisconnected: "client disconnected"
        case .outputBufferOverflow: "output buffer overflow"
        case .sendTimeout: "send timeout"
        case .serverShutdown: "server shutdown"
        }
    }
}

/// What `HTTPStreamWriter.write` did with the bytes.
public enum HTTPStreamWriteResult: Sendable, Equatable {
    /// Queued for the connection's event loop, which sends them soon.
    case queued
    /// The stream had already ended; nothing was queued.
    case closed
    /// These bytes would have overflowed the output buffer: nothing was queued and the
    /// connection is being closed (the close handler reports `.outputBufferOverflow`).
    case overflowed
}
