import Glibc

/// Raw blocking sockets on 127.0.0.1 for tests: listeners on ephemeral ports, a port nothing
/// listens on, client connections whose reads time out, and whole writes.
public enum LoopbackSocket {
    /// A socket call failed; the text names the call and errno.
    public struct SocketError: Error, CustomStringConvertible {
        /// The failing call and its errno, for the test's failure message.
        public let description: String
    }

    /// A listening socket on 127.0.0.1 with an ephemeral port: the descriptor (the caller
    /// closes it) and the port.
    public static func listen(backlog: Int32 = 16) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(description: "socket: errno \(errno)") }
        guard let port = try? bindLoopback(fd), Glibc.listen(fd, backlog) == 0 else {
            close(fd)
            throw SocketError(description: "bind or listen: errno \(errno)")
        }
        return (fd, port)
    }

    /// A loopback port nothing listens on: bound to learn a free number, then closed, so a
    /// connect to it is refused at once.
    public static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(description: "socket: errno \(errno)") }
        defer { close(fd) }
        return try bindLoopback(fd)
    }

    /// Binds `fd` to 127.0.0.1 on an ephemeral port and returns the port; the caller closes `fd`.
    private static func bindLoopback(_ fd: Int32) throws -> Int {
        var address = loopbackAddress(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw SocketError(description: "bind: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A connected client socket to 127.0.0.1:`port` (the caller closes it) whose reads give up
    /// after `timeout`.
    ///
    /// `receiveBuffer` is set before connecting, because the TCP window scale a small buffer
    /// needs is agreed in the handshake; backpressure tests rely on it.
    public static func connect(port: Int, timeout: Duration, receiveBuffer: Int32? = nil) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(description: "socket: errno \(errno)") }
        var limit = timeval(timeout)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer { setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, 4) }
        var address = loopbackAddress(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw SocketError(description: "connect to port \(port): \(String(cString: strerror(code)))")
        }
        return fd
    }

    /// Writes all of `bytes`; false if the peer is gone (or a send timeout passed).
    @discardableResult
    public static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// 127.0.0.1:`port` as a socket address.
    private static func loopbackAddress(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

extension timeval {
    /// `duration` as a socket timeout (microsecond resolution; zero means none to the kernel).
    public init(_ duration: Duration) {
        let parts = duration.components
        self.init(tv_sec: Int(parts.seconds), tv_usec: Int(parts.attoseconds / 1_000_000_000_000))
    }
}
