import Logging
import Synchronization

/// What every event loop of one server shares: settings, the responder and connection counts.
final class ServerContext: Sendable {
    /// The server's settings, fixed at init.
    let configuration: HTTPServerConfiguration
    /// Called on every loop thread at once, hence `Sendable`.
    let responder: any HTTPResponder
    /// The logger passed to `HTTPServer`; each loop adds its index as metadata.
    let logger: Logger
    /// Where subscribed streams get their broadcasts from, if the application uses any.
    let broadcastHub: HTTPBroadcastHub?
    /// Connections within `maxConnections`, across all loops.
    let openConnections = Atomic<Int>(0)
    /// Each loop's connection count; spreads a shared listener's connections over the loops.
    let balancer: ConnectionBalancer
    /// Connections above the cap held open only to send their 503.
    let rejectingConnections = Atomic<Int>(0)

    /// Shared state for one server; counts start at zero.
    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, logger: Logger, broadcastHub: HTTPBroadcastHub? = nil) {
        self.configuration = configuration
        balancer = ConnectionBalancer(
            loops: max(1, configuration.threads),
            maxImbalance: configuration.acceptStrategy == .sharedListener ? configuration.maxLoopImbalance : nil)
        self.broadcastHub = broadcastHub
        self.responder = responder
        self.logger = logger
    }
}
