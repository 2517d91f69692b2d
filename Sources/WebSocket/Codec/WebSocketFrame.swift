/// One decoded (or to-be-encoded) frame, its payload already unmasked.
///
/// The decoder hands out frames only once their whole payload has arrived; `payload` is then
/// exactly the bytes on the wire after unmasking, so a message of one frame needs no copy.
public struct WebSocketFrame: Sendable, Equatable {
    /// Whether this is the last frame of its message (always true for control frames).
    public var fin: Bool
    /// What the frame carries.
    public var opcode: WebSocketOpcode
    /// The application data, unmasked.
    public var payload: [UInt8]

    /// A frame with the given parts; `fin` defaults to a complete, unfragmented message.
    public init(fin: Bool = true, opcode: WebSocketOpcode, payload: [UInt8] = []) {
        self.fin = fin
        self.opcode = opcode
        self.payload = payload
    }
}
