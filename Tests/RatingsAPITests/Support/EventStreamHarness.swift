import Glibc
import HTTPServer
import LiveState
import Logging
@testable import RatingsAPI

/// The real `GET /events` path in one process: a `Store`, its `EventFanout`, a `RatingsAPI` and
/// an `HTTPServer` on an ephemeral loopback port. Tests apply changes to the store directly, so
/// they know exactly which events exist and when.
///
/// `@unchecked Sendable`: the apply helpers (the only mutation, of `applied`) are called from one
/// thread at a time, as the store's single-writer rule requires anyway; the rest is immutable.
final class EventStreamHarness: @unchecked Sendable {
    let store: Store
    let fanout: EventFanout
    let api: RatingsAPI
    let server: HTTPServer
    let port: Int
    private var applied = 0

    init(
        logCapacity: Int = 1_000, startingAfter: UInt64 = 0, configuration: EventStreamConfiguration = EventStreamConfiguration(),
        outputBufferLimit: Int? = nil, sendTimeout: Duration? = nil, threads: Int = 2
    ) throws {
        store = Store(events: EventLog(capacity: logCapacity, startingAfter: startingAfter))
        fanout = EventFanout(store: store, configuration: configuration)
        api = RatingsAPI(
            store: store, configuration: APIConfiguration(),
            service: { ServiceState(mode: .demo, startedAt: Timestamp(millisecondsSinceEpoch: 0)) }, events: fanout)
        var server = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        server.threads = threads
        server.maxConnections = 4_000
        if let outputBufferLimit { server.limits.outputBufferLimit = outputBufferLimit }
        if let sendTimeout { server.limits.sendTimeout = sendTimeout }
        var logger = Logger(label: "EventStreamTests")
        logger.logLevel = .error
        self.server = HTTPServer(configuration: server, responder: api, logger: logger, broadcastHub: fanout.broadcastHub)
        port = try self.server.start()
    }

    deinit {
        server.shutdown()
        _ = server.waitUntilStopped(timeout: .seconds(10))
    }

    /// Opens a stream and waits until it is subscribed (its `retry:` arrived, which `onOpen`
    /// writes just before subscribing).
    func subscribe(_ query: String = "", headers: [String: String] = [:], receiveBuffer: Int32? = nil) throws -> EventStreamClient {
        let client = try EventStreamClient(
            port: port, target: "/events" + (query.isEmpty ? "" : "?" + query), headers: headers, receiveBuffer: receiveBuffer)
        if client.status == 200 {
            guard try client.nextBlock()?.retry != nil else { throw EventStreamClient.Failure(description: "no retry: first") }
        }
        return client
    }

    /// Applies a new rating and returns its event id.
    @discardableResult
    func rating(_ ticker: String = "AAPL", importance: Int = 3, id: String? = nil, padding: Int = 0) -> UInt64 {
        applied += 1
        var rating = Rating(id: id ?? "r\(applied)", ticker: ticker)
        rating.importance = importance
        rating.date = "2024-10-04"
        rating.time = "10:37:52"
        rating.updated = Timestamp(millisecondsSinceEpoch: 1_728_069_666_000 + Int64(applied) * 1000)
        rating.firm = "Goldman Sachs"
        if padding > 0 { rating.notes = String(repeating: "n", count: padding) }
        return sequence(of: store.apply(FeedMessage(source: .ratings, envelopeID: nil, change: .rating(.created, rating)), receivedAt: .now()))
    }

    /// Applies a new consensus for `ticker` (a new target each time) and returns its event id.
    @discardableResult
    func consensus(_ ticker: String = "AAPL") -> UInt64 {
        applied += 1
        var consensus = Consensus(ticker: ticker, aggregateRatings: AggregateRatings(strongBuy: 1, buy: 2, hold: 3, sell: 0, strongSell: 0))
        consensus.consensusPriceTarget = Double(100 + applied)
        consensus.updatedAt = Timestamp(millisecondsSinceEpoch: 1_728_069_666_000 + Int64(applied) * 1000)
        return sequence(of: store.apply(FeedMessage(source: .consensus, envelopeID: nil, change: .consensus(consensus)), receivedAt: .now()))
    }

    /// Applies a new insight and returns its event id.
    @discardableResult
    func insight(_ ticker: String = "AAPL") -> UInt64 {
        applied += 1
        var insight = Insight(id: "i\(applied)", ticker: ticker)
        insight.date = "2024-10-08"
        insight.updated = Timestamp(millisecondsSinceEpoch: 1_728_069_666_000 + Int64(applied) * 1000)
        return sequence(of: store.apply(FeedMessage(source: .insights, envelopeID: nil, change: .insight(.created, insight)), receivedAt: .now()))
    }

    /// Deletes a rating and returns the event id.
    @discardableResult
    func deleteRating(_ id: String) -> UInt64 {
        sequence(of: store.apply(
            FeedMessage(source: .ratings, envelopeID: nil, change: .ratingDeleted(id: id, updated: nil, timestamp: nil)),
            receivedAt: .now()))
    }

    private func sequence(of outcome: ApplyOutcome) -> UInt64 {
        guard case .applied(let sequence) = outcome else { return 0 }
        return sequence
    }

    /// Raises the soft open-files limit to the hard one, for tests holding many sockets.
    static func raiseOpenFileLimit(to wanted: Int) -> Bool {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return false }
        if limit.rlim_cur >= rlim_t(wanted) { return true }
        limit.rlim_cur = min(limit.rlim_max, rlim_t(wanted))
        return setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 && limit.rlim_cur >= rlim_t(wanted)
    }
}
