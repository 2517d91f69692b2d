/// The socket calls the server makes, each turning a failure into a `SocketError` at the call.
///
/// Everything here is a thin, non-allocating wrapper; ownership of the descriptors it returns
/// passes to a `FileDescriptor` at once so no raw descriptor can leak.
enum Socket {
    /// Which way a socket address is spelled: the family decides the sockaddr layout.
    enum Family {
        case ipv4, ipv6
    }

    /// What one `recv` did: read bytes, or found the peer's end of stream.
    enum Received: Equatable {
        case bytes(Int)
        case endOfFile
    }
}
