import CHTTPSystem
import Glibc
import Logging

/// Starts an event loop on a detached pthread of its own (no Swift concurrency: the loop
/// blocks in `epoll_wait`, which must never happen on a cooperative-pool thread).
///
/// `@unchecked Sendable`: the loop is handed to exactly one new thread; the creating thread
/// drops its reference as soon as `pthread_create` returns and never touches the loop again.
final class LoopThread: @unchecked Sendable {
    private var loop: EventLoop?
    private let latch: StopLatch
    private let name: String

    private init(loop: EventLoop, latch: StopLatch, name: String) {
        self.loop = loop
        self.latch = latch
        self.name = name
    }

    /// Runs `loop` on a new thread; the latch counts it until `run()` returns.
    static func start(_ loop: EventLoop, latch: StopLatch, name: String) throws(SocketError) {
        let box = Unmanaged.passRetained(LoopThread(loop: loop, latch: latch, name: name))
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        latch.enter()
        var thread = pthread_t()
        let result = pthread_create(&thread, &attributes, { context in
            let start = Unmanaged<LoopThread>.fromOpaque(context!).takeRetainedValue()
            start.main()
            return nil
        }, box.toOpaque())
        guard result == 0 else {
            box.release()
            latch.leave()
            throw SocketError.from(errno: result, call: "pthread_create")
        }
    }

    private func main() {
        // Linux limits thread names to 15 bytes; the name shows in top -H and perf.
        _ = chttp_set_thread_name(String(name.prefix(15)))
        let logger = loop?.context.logger
        loop?.run()
        // Release the loop's epoll, eventfd and buffers before reporting it stopped.
        loop = nil
        if latch.leave() { logger?.notice("HTTP server stopped") }
    }
}
