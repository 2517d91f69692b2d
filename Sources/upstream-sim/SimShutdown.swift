import Synchronization

/// Connects the signal handler, installed before anything starts so no early SIGTERM is lost,
/// with the shutdown action, known only once the server exists: a request that comes before
/// the action runs it as soon as it is armed.
final class SimShutdown: Sendable {
    private struct State {
        var requested = false
        var action: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    /// An unarmed shutdown with no request yet.
    init() {}

    /// Runs the action now if armed, else as soon as it is; only the first request counts.
    func request() {
        let action = state.withLock { state -> (@Sendable () -> Void)? in
            guard !state.requested else { return nil }
            state.requested = true
            return state.action
        }
        action?()
    }

    /// Sets the action; runs it at once if a request already came.
    func arm(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            state.action = action
            return state.requested
        }
        if runNow { action() }
    }
}
