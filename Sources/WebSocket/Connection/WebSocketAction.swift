/// What the connection state asks its owner to do; it never does I/O itself.
public enum WebSocketAction: Sendable, Equatable {
    /// Write these bytes to the transport, in order with earlier sends.
    case send([UInt8])
    /// Hand this message to the application (pings and pongs too, for liveness tracking;
    /// a ping has already been answered by a preceding `send`).
    case deliver(WebSocketMessage)
    /// Close the transport: the connection is over, for the reason given.
    case closeTransport(WebSocketClosure)
}
