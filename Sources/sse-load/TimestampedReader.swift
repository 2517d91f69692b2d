import Glibc

/// Reads a socket with `recvmsg` and returns, with the bytes, when the kernel received the
/// last of them (`SO_TIMESTAMPNS`): the moment the subscriber had the event, whenever this
/// single-threaded client gets round to reading it. For TCP the kernel reports the time of
/// the last segment the read consumed, so a read that spans several events dates them all
/// by the newest (which errs towards a longer latency, never a shorter one).
final class TimestampedReader {
    /// Room for one `SCM_TIMESTAMPNS` control message (16-byte header and a timespec).
    private static let controlCapacity = 64
    private let control = UnsafeMutableRawPointer.allocate(byteCount: controlCapacity, alignment: 16)

    deinit {
        control.deallocate()
    }

    /// Asks the kernel to stamp what `fd` receives.
    static func enable(on fd: Int32) {
        var on: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    /// `recvmsg` into `buffer`: the count (as `recv` returns it) and the kernel's receive time
    /// in wall-clock milliseconds, nil when the kernel sent none.
    func receive(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> (count: Int, arrivedMilliseconds: Double?) {
        var vector = iovec(iov_base: buffer.baseAddress, iov_len: buffer.count)
        return withUnsafeMutablePointer(to: &vector) { vector in
            var header = msghdr()
            header.msg_iov = vector
            header.msg_iovlen = 1
            header.msg_control = control
            header.msg_controllen = Self.controlCapacity
            let count = recvmsg(fd, &header, 0)
            guard count > 0 else { return (count, nil) }
            return (count, Self.timestamp(in: control, length: Int(header.msg_controllen)))
        }
    }

    /// Walks the control messages (`CMSG_FIRSTHDR`/`CMSG_NXTHDR` are macros Swift cannot call).
    private static func timestamp(in control: UnsafeMutableRawPointer, length: Int) -> Double? {
        let headerSize = MemoryLayout<cmsghdr>.size
        var offset = 0
        while offset + headerSize <= length {
            let message = control.load(fromByteOffset: offset, as: cmsghdr.self)
            let messageLength = Int(message.cmsg_len)
            guard messageLength >= headerSize, offset + messageLength <= length else { return nil }
            if message.cmsg_level == SOL_SOCKET && message.cmsg_type == SCM_TIMESTAMPNS {
                let time = control.loadUnaligned(fromByteOffset: offset + headerSize, as: timespec.self)
                return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
            }
            offset += (messageLength + 7) & ~7
        }
        return nil
    }
}
