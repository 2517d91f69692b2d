import ArgumentParser
import RatingsAPI

/// The `GET /events` options, checked and turned into the API's configuration.
extension Ratingsd {
    /// Refuses unusable event options, naming the flag.
    func validateEventOptions() throws {
        guard eventLogSize >= 1 else { throw ValidationError("--event-log-size must be at least 1, got \(eventLogSize)") }
        guard sseHeartbeat > 0, sseHeartbeat <= 86_400 else {
            throw ValidationError("--sse-heartbeat must be in (0, 86400] seconds, got \(sseHeartbeat)")
        }
        guard sseRetry >= 0 else { throw ValidationError("--sse-retry must be at least 0, got \(sseRetry)") }
        guard maxSubscribers >= 0 else { throw ValidationError("--max-subscribers must be at least 0, got \(maxSubscribers)") }
    }

    /// The event stream settings the flags describe.
    var eventStreamConfiguration: EventStreamConfiguration {
        EventStreamConfiguration(
            maxSubscribers: maxSubscribers, heartbeat: .milliseconds(Int64(sseHeartbeat * 1000)),
            retryMilliseconds: sseRetry)
    }
}
