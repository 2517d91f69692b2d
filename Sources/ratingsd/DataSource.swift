import LiveState
import RatingsAPI

/// Where the store's data comes from: the embedded demo replay or the live upstream feeds.
/// The service starts it after the HTTP server listens and stops it before the server shuts down.
protocol DataSource: Sendable {
    /// Begins feeding the store; returns at once.
    func start()
    /// Stops feeding the store and waits (boundedly) for its threads to end.
    func stop()
    /// The mode, readiness and feeds for `/status` and `/readyz`, fresh on every call.
    func serviceState(startedAt: Timestamp) -> ServiceState
}
