/// A failure of the loopback test server or one of its scripts (as opposed to what the
/// client under test did); `LoopbackWebSocketServer.finish` reports these as text.
public struct PeerError: Error, CustomStringConvertible {
    /// What went wrong, for the test's failure message.
    public let description: String

    /// A failure described by `description`.
    public init(description: String) {
        self.description = description
    }
}
