import LiveState
import Logging

/// Owns one consumer per enabled feed connection: starts and stops them together, gathers
/// their status for `/status`, and answers readiness for `/readyz`.
///
/// Logs one line per change of a connection's phase, with its redacted URL and last error
/// (neither ever holds the token).
public final class FeedSupervisor: Sendable {
    /// The running consumers, one per enabled configuration, in configuration order.
    public let consumers: [FeedConsumer]
    /// Configurations that do not run (no token, or switched off), reported as disabled.
    public let disabled: [FeedConfiguration]
    private let options: FeedConsumerOptions

    /// Consumers for every enabled configuration, all writing through `ingestor`.
    public init(
        configurations: [FeedConfiguration], ingestor: FeedIngestor, policy: FeedConnectionPolicy = FeedConnectionPolicy(),
        options: FeedConsumerOptions = FeedConsumerOptions(), logger: Logger
    ) {
        self.options = options
        disabled = configurations.filter { !$0.enabled }
        consumers = configurations.filter(\.enabled).map { configuration in
            FeedConsumer(
                configuration: configuration, ingestor: ingestor, policy: policy, options: options,
                onStateChange: { Self.log($0, to: logger) })
        }
        for configuration in disabled {
            logger.notice("feed disabled", metadata: ["feed": "\(configuration.name)", "url": "\(configuration.redactedURL)"])
        }
    }

    /// Starts every consumer.
    public func start() {
        for consumer in consumers { consumer.start() }
    }

    /// Stops every consumer (each closes its connection with 1001), all at once, and waits up
    /// to the consumers' stop timeout; whether all of them ended in time.
    @discardableResult
    public func stop() -> Bool {
        for consumer in consumers { consumer.requestStop() }
        let deadline = ContinuousClock.now + options.stopTimeout
        return consumers.map { $0.awaitStop(until: deadline) }.allSatisfy { $0 }
    }

    /// Every connection's status, disabled ones included, in configuration order per kind.
    public var statuses: [FeedStatus] {
        consumers.map(\.status) + disabled.map(FeedStatus.disabled)
    }

    /// Why the service is not ready, one line per feed; empty when every enabled feed has
    /// connected at least once and none is stopped for auth.
    public var readinessProblems: [String] {
        consumers.map(\.status).compactMap { status in
            if status.authFailure || status.phase == .stoppedForAuth { return "\(status.name): upstream refused the token" }
            if !status.hasConnected { return "\(status.name): never connected" }
            return nil
        }
    }

    /// Whether every enabled feed has connected at least once and none is stopped for auth.
    public var isReady: Bool { readinessProblems.isEmpty }

    /// One line per phase change: notice when open, warning otherwise (error for auth).
    private static func log(_ status: FeedStatus, to logger: Logger) {
        var metadata: Logger.Metadata = ["feed": "\(status.name)", "state": "\(status.phase.rawValue)", "url": "\(status.url)"]
        if let error = status.lastError, status.phase != .open { metadata["error"] = "\(error)" }
        if let retryAt = status.retryAt { metadata["retry_at"] = "\(retryAt)" }
        switch status.phase {
        case .open: logger.notice("feed connected", metadata: metadata)
        case .stoppedForAuth: logger.error("feed token refused; retrying slowly", metadata: metadata)
        case .backingOff: logger.warning("feed disconnected; reconnecting", metadata: metadata)
        case .connecting, .idle: logger.info("feed connecting", metadata: metadata)
        case .stopped, .disabled: logger.notice("feed stopped", metadata: metadata)
        }
    }
}
