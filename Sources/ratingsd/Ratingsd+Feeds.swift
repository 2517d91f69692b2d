import ArgumentParser
import Feeds
import Foundation
import LiveState

/// The upstream feed options, turned into what the Feeds module runs on.
extension Ratingsd {
    /// The longest heartbeat interval accepted, in seconds; Benzinga drops connections that stay
    /// quiet much longer than a minute.
    static let maxHeartbeatSeconds = 3_600.0

    /// Throws a `ValidationError` naming the flag when a feed option is unusable, so a typo
    /// fails at startup rather than as a feed that never connects.
    func validateFeedOptions(environment: [String: String]) throws {
        _ = try feedConfigurations(environment: environment)
        guard heartbeatInterval >= 1, heartbeatInterval <= Self.maxHeartbeatSeconds else {
            throw ValidationError("--heartbeat-interval must be 1-\(Int(Self.maxHeartbeatSeconds)) seconds, got \(heartbeatInterval)")
        }
        guard maxPendingConsensus >= 0 else { throw ValidationError("--max-pending-consensus must be 0 or more, got \(maxPendingConsensus)") }
        guard pendingConsensusSeconds >= 1, pendingConsensusSeconds <= Self.maxPendingSeconds else {
            throw ValidationError("--pending-consensus-seconds must be 1-\(Int(Self.maxPendingSeconds)), got \(pendingConsensusSeconds)")
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ValidationError("--ca-file: cannot read \(caFile)")
        }
    }

    /// One configuration per upstream connection, tokens taken from `environment`; a feed
    /// without a token, or not named in `--feeds`, comes back disabled.
    func feedConfigurations(environment: [String: String]) throws -> [FeedConfiguration] {
        let settings = try feedSettings()
        do throws(FeedSettingsError) {
            return try settings.configurations(environment: environment)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `--feeds`, `--tickers` and the other feed flags as `FeedSettings`.
    func feedSettings() throws -> FeedSettings {
        FeedSettings(
            ratingsURL: ratingsURL, consensusURL: consensusURL, insightsURL: insightsURL,
            tickers: Self.list(tickers), isins: Self.list(isins),
            consensusSimplify: consensusSimplify ? true : nil,
            consensusAggregateType: try aggregateType(), consensusPerTicker: consensusPerTicker,
            disabledSources: Set(FeedSource.allCases).subtracting(try enabledSources()))
    }

    /// The feeds `--feeds` names.
    func enabledSources() throws -> Set<FeedSource> {
        let names = Self.list(feeds).map { $0.lowercased() }
        guard !names.isEmpty else { throw ValidationError("--feeds names no feed; use ratings, consensus, insights") }
        return Set(try names.map { name in
            guard let source = FeedSource(rawValue: name) else {
                throw ValidationError("--feeds: unknown feed '\(name)'; use ratings, consensus, insights")
            }
            return source
        })
    }

    /// `--consensus-aggregate-type`, or nil to leave it to the upstream.
    func aggregateType() throws -> ConsensusAggregateType? {
        guard let consensusAggregateType else { return nil }
        guard let type = ConsensusAggregateType(rawValue: consensusAggregateType.lowercased()) else {
            throw ValidationError("--consensus-aggregate-type must be number or percentage, got '\(consensusAggregateType)'")
        }
        return type
    }

    /// The connection policy with `--heartbeat-interval`.
    var feedPolicy: FeedConnectionPolicy {
        var policy = FeedConnectionPolicy()
        policy.heartbeatInterval = .milliseconds(Int64(heartbeatInterval * 1000))
        return policy
    }

    /// The longest a consensus message may wait for its ISIN: a day; a message older than that
    /// is stale news, and the list must not pin memory forever.
    static let maxPendingSeconds = 86_400.0

    /// The bounds of the held ISIN-only consensus messages, from `--max-pending-consensus` and
    /// `--pending-consensus-seconds`.
    var pendingLimits: PendingISINLimits {
        PendingISINLimits(maxMessages: maxPendingConsensus, maxAge: .milliseconds(Int64(pendingConsensusSeconds * 1000)))
    }

    /// How each consumer runs, with `--ca-file`.
    var feedConsumerOptions: FeedConsumerOptions {
        var options = FeedConsumerOptions()
        options.client.caFile = caFile
        return options
    }

    /// The items of a comma-separated list, trimmed, blanks dropped.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { item in
            String(item.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        }.filter { !$0.isEmpty }
    }
}
