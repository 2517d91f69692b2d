import LiveState

extension FeedConnectionStateMachine {
    /// The machine's counters as a `/status` snapshot, its monotonic instants turned into
    /// wall-clock timestamps by their distance from `now` (which `wallNow` is the same moment of).
    public func status(of configuration: FeedConfiguration, now: Instant, wallNow: Timestamp) -> FeedStatus {
        func wall(_ instant: Instant?) -> Timestamp? {
            guard let instant else { return nil }
            let offset = (now - instant).components
            let milliseconds = offset.seconds * 1000 + offset.attoseconds / 1_000_000_000_000_000
            return Timestamp(millisecondsSinceEpoch: wallNow.millisecondsSinceEpoch - milliseconds)
        }
        var retryAt: Timestamp?
        switch state {
        case .backingOff(let until), .stoppedForAuth(let until): retryAt = wall(until)
        default: break
        }
        return FeedStatus(
            name: configuration.name, source: configuration.source, phase: FeedPhase(state),
            url: configuration.redactedURL, connectedSince: wall(connectedSince), lastMessageAt: wall(lastMessageAt),
            retryAt: retryAt, messages: messages, reconnects: reconnects,
            lastError: lastError.map { Self.redacting(configuration.token, in: $0.description) },
            authFailure: authFailure, hasConnected: hasConnected)
    }

    /// Tokens shorter than this are not searched for: a two-letter "token" would shred every
    /// word it occurs in, and real API tokens are dozens of characters long.
    static let minimumRedactedTokenLength = 6

    /// `text` with every occurrence of the token (plain or percent-encoded) replaced: error
    /// texts come from the network (a reason phrase, a close reason) and a peer could echo
    /// the token back.
    static func redacting(_ token: String?, in text: String) -> String {
        guard let token, token.utf8.count >= minimumRedactedTokenLength else { return text }
        var result = text
        for form in [token, FeedConfiguration.percentEncoded(token)] where result.contains(form) {
            result = result.split(separator: form, omittingEmptySubsequences: false).joined(separator: "[redacted]")
        }
        return result
    }
}
