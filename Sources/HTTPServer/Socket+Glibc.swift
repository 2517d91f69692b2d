import CHTTPSystem
import Glibc

extension Socket {
    /// A bound, listening, non-blocking TCP socket on a numeric host.
    ///
    /// `SO_REUSEADDR` lets a restarted server bind while old connections sit in TIME_WAIT;
    /// `reusePort` lets every event loop own a listener on the same port.
    static func makeListener(host: String, port: Int, backlog: Int, reusePort: Bool) throws(SocketError) -> FileDescriptor {
        var storage = sockaddr_storage()
        let (family, length) = try fill(&storage, host: host, port: port)
        let raw = Glibc.socket(family == .ipv4 ? AF_INET : AF_INET6, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard raw >= 0 else { throw SocketError.lastError("socket") }
        let socket = FileDescriptor(raw)
        try setOption(socket.rawValue, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1, call: "setsockopt(SO_REUSEADDR)")
        if reusePort {
            try setOption(socket.rawValue, level: SOL_SOCKET, name: SO_REUSEPORT, value: 1, call: "setsockopt(SO_REUSEPORT)")
        }
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(raw, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            if code == EADDRINUSE { throw SocketError.addressInUse(host: host, port: port) }
            throw SocketError.from(errno: code, call: "bind")
        }
        guard Glibc.listen(raw, Int32(clamping: backlog)) == 0 else { throw SocketError.lastError("listen") }
        return socket
    }

    /// The local port a socket is bound to (how a port-0 listener learns its ephemeral port).
    static func localPort(of fd: Int32) throws(SocketError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw SocketError.lastError("getsockname") }
        return Int(UInt16(bigEndian: withUnsafeBytes(of: &storage) { $0.load(fromByteOffset: 2, as: UInt16.self) }))
    }

    /// Accepts one connection as a non-blocking, close-on-exec socket.
    static func accept(_ listener: Int32) throws(SocketError) -> FileDescriptor {
        while true {
            let raw = chttp_accept4(listener, nil, nil, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            if raw >= 0 { return FileDescriptor(raw) }
            // ECONNABORTED: the peer gave up while queued; try the next one like EINTR.
            if errno == EINTR || errno == ECONNABORTED { continue }
            throw SocketError.lastError("accept4")
        }
    }

    /// Turns Nagle's algorithm off: responses go out at once instead of waiting for an ACK.
    static func setNoDelay(_ fd: Int32) throws(SocketError) {
        try setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1, call: "setsockopt(TCP_NODELAY)")
    }

    /// One `recv` into `buffer`; a zero-byte read is `.endOfFile`.
    @inline(__always)
    static func receive(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int) throws(SocketError) -> Received {
        while true {
            let n = chttp_recv(fd, buffer, count)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .endOfFile }
            if errno == EINTR { continue }
            throw SocketError.lastError("recv")
        }
    }

    /// One `send` of `count` bytes; returns how many the kernel took (maybe fewer).
    /// `MSG_NOSIGNAL` keeps a vanished peer from raising SIGPIPE even if it is not ignored.
    @inline(__always)
    static func send(_ fd: Int32, _ buffer: UnsafeRawPointer, count: Int) throws(SocketError) -> Int {
        while true {
            let n = chttp_send(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw SocketError.lastError("send")
        }
    }

    /// Half-closes the sending side, so the peer reads end of file after our last response.
    static func shutdownWrite(_ fd: Int32) {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Stops a listening socket: pending handshakes are reset and `accept` fails from now on,
    /// while the descriptor number stays valid for other threads still holding it.
    static func shutdownBoth(_ fd: Int32) {
        _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    private static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32, call: String) throws(SocketError) {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketError.lastError(call)
        }
    }

    private static func fill(_ storage: inout sockaddr_storage, host: String, port: Int) throws(SocketError) -> (Family, socklen_t) {
        guard (0...65535).contains(port) else { throw SocketError.invalidAddress("\(host):\(port)") }
        let isV4 = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                v4.pointee.sin_family = sa_family_t(AF_INET)
                v4.pointee.sin_port = UInt16(port).bigEndian
                return inet_pton(AF_INET, host, &v4.pointee.sin_addr) == 1
            }
        }
        if isV4 { return (.ipv4, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        storage = sockaddr_storage()
        let isV6 = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                v6.pointee.sin6_family = sa_family_t(AF_INET6)
                v6.pointee.sin6_port = UInt16(port).bigEndian
                return inet_pton(AF_INET6, host, &v6.pointee.sin6_addr) == 1
            }
        }
        guard isV6 else { throw SocketError.invalidAddress(host) }
        return (.ipv6, socklen_t(MemoryLayout<sockaddr_in6>.size))
    }
}
