import Synchronization

/// Connects a shutdown signal to the action that performs it, whichever comes first: a signal
/// that arrives while the service is still starting is remembered and acted on as soon as the
/// action is set, instead of being lost in the window before the server is running.
public final class ShutdownRequest: Sendable {
    private struct State {
        var requested = false
        var action: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    /// A request not yet made, with no action attached.
    public init() {}

    /// Records the request and runs the action if it is already set (at most once in all).
    public func request() {
        let action = state.withLock { state -> (@Sendable () -> Void)? in
            guard !state.requested else { return nil }
            state.requested = true
            return state.action
        }
        action?()
    }

    /// Sets what a request does; runs it at once if a request already came.
    public func perform(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            state.action = action
            return state.requested
        }
        if runNow { action() }
    }
}
