import CHTTPSystem
import Glibc

/// The load client's one thread: opens subscribers in batches, then reads them all through one
/// epoll instance, counting events and sampling latencies. No task or thread per subscriber.
final class LoadClient {
    let options: LoadOptions
    private let epoll: Int32
    private var subscribers: [Subscriber] = []
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
    private var events = [epoll_event](repeating: epoll_event(), count: 1024)
    /// Apply-to-receipt latencies in milliseconds, while `recording`.
    private(set) var latencies: [Double] = []
    var recording = false
    /// Subscribers whose connection ended.
    private(set) var closed = 0

    init(options: LoadOptions) {
        self.options = options
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
    }

    /// Events received by all subscribers so far.
    var totalEvents: Int { subscribers.reduce(0) { $0 + $1.events } }

    /// Opens every subscriber, `connectBatch` at a time, each batch awaited until subscribed.
    /// Returns false (after printing why) when one is refused or the batch does not finish.
    func connectAll() -> Bool {
        let request = Array("GET /events\(options.query.isEmpty ? "" : "?" + options.query) HTTP/1.1\r\nHost: \(options.host)\r\nAccept: text/event-stream\r\n\r\n".utf8)
        while subscribers.count < options.subscribers {
            let batch = min(options.connectBatch, options.subscribers - subscribers.count)
            for _ in 0..<batch {
                guard let fd = connectBlocking(), request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
                    print("error: connect or send failed after \(subscribers.count) subscribers: errno \(errno)")
                    return false
                }
                var flags = fcntl(fd, F_GETFL)
                flags |= O_NONBLOCK
                _ = fcntl(fd, F_SETFL, flags)
                var event = epoll_event()
                event.events = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
                event.data.u64 = UInt64(subscribers.count)
                epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event)
                subscribers.append(Subscriber(fd: fd, sampled: subscribers.count < options.sampled))
            }
            let deadline = Self.monotonic() + 30
            while subscribers.contains(where: { !$0.subscribed && $0.status <= 200 }) {
                guard Self.monotonic() < deadline else {
                    print("error: subscribers not subscribed within 30 s")
                    return false
                }
                poll(milliseconds: 100)
            }
            if let refused = subscribers.first(where: { $0.status != 200 }) {
                print("error: a subscriber got HTTP \(refused.status)")
                return false
            }
        }
        return true
    }

    /// Reads whatever is ready, waiting up to `milliseconds`.
    func poll(milliseconds: Int32) {
        let ready = epoll_wait(epoll, &events, Int32(events.count), milliseconds)
        guard ready > 0 else { return }
        let now = Self.realtimeMilliseconds()
        for k in 0..<Int(ready) {
            let subscriber = subscribers[Int(events[k].data.u64)]
            while true {
                let count = recv(subscriber.fd, buffer.baseAddress, buffer.count, 0)
                if count > 0 {
                    subscriber.consume(UnsafeRawBufferPointer(rebasing: buffer[..<count]), nowMilliseconds: now) { latency in
                        if recording { latencies.append(latency) }
                    }
                    if count < buffer.count { break }
                    continue
                }
                if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                    epoll_ctl(epoll, EPOLL_CTL_DEL, subscriber.fd, nil)
                    closed += 1
                }
                break
            }
        }
    }

    /// Reads until `seconds` have passed.
    func run(seconds: Double) {
        let end = Self.monotonic() + seconds
        while Self.monotonic() < end { poll(milliseconds: 50) }
    }

    private func connectBlocking() -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(options.port).bigEndian
        address.sin_addr.s_addr = inet_addr(options.host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Seconds on the monotonic clock.
    static func monotonic() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Wall-clock milliseconds, comparable with ratingsd's `received_at` on the same machine.
    static func realtimeMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
