import Synchronization

/// Why the service is not ready yet, if it is not: `/readyz` answers 503 while any reason stands.
final class Readiness: Sendable {
    private let reasons: Mutex<[String]>

    init(initialReasons: [String]) {
        reasons = Mutex(initialReasons)
    }

    /// The reasons standing now; empty means ready.
    var current: [String] { reasons.withLock { $0 } }

    /// Removes a reason once what it waited for has happened.
    func resolve(_ reason: String) {
        reasons.withLock { $0.removeAll { $0 == reason } }
    }
}
