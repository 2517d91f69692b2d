import CHTTPSystem
import Glibc

/// The load client's one thread: opens subscribers in batches, then reads them all through one
/// epoll instance, counting events and sampling latencies. No task or thread per subscriber.
///
/// With a read interval, only the sampled subscribers stay in epoll; the others are drained
/// every interval in one sweep, so the client's own CPU (which shares the machine with ratingsd)
/// goes on a few large reads instead of one read per subscriber per event. Latency is measured
/// on the sampled subscribers either way, from the kernel's receive timestamp.
final class LoadClient {
    let options: LoadOptions
    private let epoll: Int32
    private var subscribers: [Subscriber] = []
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
    private var events = [epoll_event](repeating: epoll_event(), count: 1024)
    private let reader = TimestampedReader()
    /// Apply-to-receipt latencies in milliseconds (receipt: the kernel's receive timestamp),
    /// while `recording`.
    private(set) var latencies: [Double] = []
    /// Apply-to-read latencies in milliseconds (read: when this client read the bytes).
    private(set) var readLatencies: [Double] = []
    var recording = false
    /// Subscribers whose connection ended.
    private(set) var closed = 0
    /// When the next slice of unsampled subscribers is drained, with a read interval, and where
    /// that slice starts.
    private var nextSweep = 0.0
    private var sweepCursor = 0
    /// Every this-many-th subscriber is sampled, so samples spread over the whole population
    /// (the server serves its subscribers in an order, and the first are not the typical ones).
    private var sampleStride: Int { options.sampled > 0 ? max(1, options.subscribers / options.sampled) : Int.max }

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
                let sampled = subscribers.count % sampleStride == 0
                if sampled { TimestampedReader.enable(on: fd) }
                subscribers.append(Subscriber(fd: fd, sampled: sampled))
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
        if options.readIntervalMilliseconds > 0 {
            for subscriber in subscribers where !subscriber.sampled { epoll_ctl(epoll, EPOLL_CTL_DEL, subscriber.fd, nil) }
        }
        return true
    }

    /// Reads whatever is ready, waiting up to `milliseconds`.
    func poll(milliseconds: Int32) {
        let ready = epoll_wait(epoll, &events, Int32(events.count), milliseconds)
        for k in 0..<max(0, Int(ready)) { drain(subscribers[Int(events[k].data.u64)]) }
    }

    /// Reads until `seconds` have passed. With a read interval, the unsampled subscribers are
    /// drained a slice at a time, one slice every `sweepStep` milliseconds, so that every one is
    /// read once per interval without the client taking a core for a whole sweep at once.
    func run(seconds: Double) {
        let end = Self.monotonic() + seconds
        let interval = Double(options.readIntervalMilliseconds) / 1000
        let slices = max(1, options.readIntervalMilliseconds / Self.sweepStepMilliseconds)
        let step = interval / Double(slices)
        let sliceSize = (subscribers.count + slices - 1) / slices
        while true {
            let now = Self.monotonic()
            guard now < end else { return }
            if interval > 0 && now >= nextSweep {
                nextSweep = now + step
                let slice = sweepCursor..<min(subscribers.count, sweepCursor + sliceSize)
                for subscriber in subscribers[slice] where !subscriber.sampled && !subscriber.ended { drain(subscriber) }
                sweepCursor = slice.upperBound < subscribers.count ? slice.upperBound : 0
                continue
            }
            let wait = interval > 0 ? min(0.05, nextSweep - now) : 0.05
            poll(milliseconds: Int32((wait * 1000).rounded(.up)))
        }
    }

    /// How often a slice of the unsampled subscribers is drained, with a read interval.
    private static let sweepStepMilliseconds = 10

    /// Reads everything `subscriber` has received (one `recv` when it fits the buffer).
    private func drain(_ subscriber: Subscriber) {
        while true {
            let count: Int
            var arrived: Double?
            if subscriber.sampled {
                (count, arrived) = reader.receive(subscriber.fd, into: buffer)
            } else {
                count = recv(subscriber.fd, buffer.baseAddress, buffer.count, 0)
            }
            if count > 0 {
                let read = Self.realtimeMilliseconds()
                subscriber.consume(UnsafeRawBufferPointer(rebasing: buffer[..<count]), arrivedMilliseconds: arrived ?? read, readMilliseconds: read) { received, read in
                    if recording {
                        latencies.append(received)
                        readLatencies.append(read)
                    }
                }
                if count < buffer.count { return }
                continue
            }
            if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                epoll_ctl(epoll, EPOLL_CTL_DEL, subscriber.fd, nil)
                subscriber.ended = true
                closed += 1
            }
            return
        }
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
    static func realtimeMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    /// This process's user and system CPU time in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
