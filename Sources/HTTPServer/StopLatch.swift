import Glibc

/// Counts running event loops down to zero and lets threads wait for that, with a timeout.
///
/// `@unchecked Sendable`: every field is read and written only with `mutex` held; the pthread
/// objects live in heap memory this class owns and destroys once in `deinit`.
final class StopLatch: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var running = 0

    /// A latch with no loop running yet.
    init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Counts one more running loop.
    func enter() {
        pthread_mutex_lock(mutex)
        running += 1
        pthread_mutex_unlock(mutex)
    }

    /// Counts one loop as stopped; the last one wakes every waiter and gets true.
    @discardableResult
    func leave() -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        running -= 1
        guard running == 0 else { return false }
        pthread_cond_broadcast(condition)
        return true
    }

    /// Blocks until no loop runs, or until `timeout` passes (nil: forever); true if none runs.
    func wait(timeout: Duration?) -> Bool {
        var deadline = timespec()
        if let timeout {
            clock_gettime(CLOCK_MONOTONIC, &deadline)
            let total = Int64(deadline.tv_nsec) + timeout.nanoseconds % 1_000_000_000
            deadline.tv_sec += Int(timeout.nanoseconds / 1_000_000_000 + total / 1_000_000_000)
            deadline.tv_nsec = Int(total % 1_000_000_000)
        }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while running > 0 {
            if timeout == nil {
                pthread_cond_wait(condition, mutex)
            } else if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT {
                return running == 0
            }
        }
        return true
    }
}
