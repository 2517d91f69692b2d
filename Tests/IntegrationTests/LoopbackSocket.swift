import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw loopback socket helpers for the stand-in upstreams of the integration tests.
enum LoopbackSocket {
    /// A socket call failed; the text names the call and errno.
    struct SocketError: Error, CustomStringConvertible {
        let description: String
    }

    /// The request head up to `\r\n\r\n`, or nil if the peer went away or took too long.
    static func readHead(_ fd: Int32) -> String? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 64 * 1024 {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            bytes += chunk[..<count]
            let text = String(decoding: bytes, as: UTF8.self)
            if text.contains("\r\n\r\n") { return text }
        }
        return nil
    }

    /// A listening socket on 127.0.0.1 with an ephemeral port.
    static func listen() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(description: "socket: errno \(errno)") }
        guard let port = try? bindLoopback(fd), Glibc.listen(fd, 16) == 0 else {
            close(fd)
            throw SocketError(description: "bind or listen: errno \(errno)")
        }
        return (fd, port)
    }

    /// A loopback port nothing listens on: bound to learn a free number, then closed, so a
    /// connect to it is refused at once.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(description: "socket: errno \(errno)") }
        defer { close(fd) }
        return try bindLoopback(fd)
    }

    /// Binds `fd` to 127.0.0.1 on an ephemeral port and returns the port; the caller closes `fd`.
    static func bindLoopback(_ fd: Int32) throws -> Int {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            throw SocketError(description: "bind: errno \(errno)")
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Writes all of `bytes`; false if the peer is gone.
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
