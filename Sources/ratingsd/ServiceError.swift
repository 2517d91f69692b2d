/// Why the service refused to start; the description is what the operator reads.
enum ServiceError: Error, CustomStringConvertible {
    /// A token is set, but this build serves demo data only: the upstream WebSocket consumers
    /// are not part of it yet. Refusing beats silently serving recorded data as if it were live.
    case liveModeUnavailable

    var description: String {
        switch self {
        case .liveModeUnavailable:
            return "BENZINGA_TOKEN is set, but this build has no live upstream consumers yet; "
                + "unset BENZINGA_TOKEN to serve the embedded demo data"
        }
    }
}
