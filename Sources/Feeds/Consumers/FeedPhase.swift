/// The state of a feed as `/status` names it (the state machine's state without its times).
public enum FeedPhase: String, Sendable, Equatable, CaseIterable {
    /// Not configured to run (no token, or switched off).
    case disabled
    /// Configured, not started.
    case idle
    /// Opening a connection.
    case connecting
    /// Connected.
    case open
    /// Waiting to reconnect after a failure.
    case backingOff = "backing_off"
    /// Waiting minutes after the upstream refused the token.
    case stoppedForAuth = "stopped_for_auth"
    /// Shut down.
    case stopped

    /// The phase of a state machine state.
    init(_ state: FeedConnectionStateMachine.State) {
        switch state {
        case .idle: self = .idle
        case .connecting: self = .connecting
        case .open: self = .open
        case .backingOff: self = .backingOff
        case .stoppedForAuth: self = .stoppedForAuth
        case .stopped: self = .stopped
        }
    }
}
