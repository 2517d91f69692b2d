/// Which end of a connection the codec speaks for; it decides the masking rules.
///
/// RFC 6455 section 5.1: every frame a client sends is masked, no frame a server sends is; a
/// frame that breaks the rule for its direction is a protocol error (1002).
public enum WebSocketRole: Sendable, Equatable {
    /// We opened the connection: we mask what we send and refuse masked frames.
    case client
    /// We accepted the connection: we send unmasked and refuse unmasked frames.
    case server

    /// Whether frames we send are masked.
    public var masksOutgoing: Bool { self == .client }

    /// Whether frames we receive must be masked.
    public var expectsMaskedIncoming: Bool { self == .server }
}
