import Feeds
import Foundation
import LiveState
import Testing

/// Throughput of the feed path, run on demand (not a timed test):
/// `RATINGSD_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter FeedDecoderBenchmarkTests`
@Suite(.enabled(if: ProcessInfo.processInfo.environment["RATINGSD_BENCH"] == "1"), .serialized)
struct FeedDecoderBenchmarkTests {
    /// A store that does nothing, so the figure is the feed path's own cost.
    final class NullStore: StoreWriting, @unchecked Sendable {
        // Safety: no state.
        func apply(_ message: FeedMessage, receivedAt: Timestamp) -> ApplyOutcome { .applied(sequence: 0) }
        func recordDeadLetter(_ letter: DeadLetter) {}
        func ticker(forISIN isin: String) -> String? { "AAPL" }
    }

    private static func messages() throws -> [DemoMessage] {
        DemoReplay(fixtures: try FixtureFiles.demoFixtures(), seed: 1).initialLoad
    }

    /// Runs `body` and prints messages per second of wall time and of this thread's CPU time
    /// (the second is the one-core figure, and holds up when other processes share the machine).
    private static func report(_ label: String, messages: Int, bytes: Int, _ body: () -> Void) {
        let start = ContinuousClock.now
        let cpuStart = threadCPUSeconds()
        body()
        let cpu = threadCPUSeconds() - cpuStart
        let elapsed = ContinuousClock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("BENCH \(label): \(messages) messages, wall \(String(format: "%.3f", wall)) s = \(Int(Double(messages) / wall)) msg/s; "
            + "CPU \(String(format: "%.3f", cpu)) s = \(Int(Double(messages) / cpu)) msg/s, \(String(format: "%.1f", Double(bytes) / cpu / 1e6)) MB/s")
    }

    private static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    @Test func decodeOnly() throws {
        let messages = try Self.messages()
        let bytes = messages.map(\.bytes.count).reduce(0, +)
        let decoder = FeedDecoder()
        let rounds = 200
        var failures = 0
        Self.report("decode (FeedDecoder)", messages: rounds * messages.count, bytes: rounds * bytes) {
            for _ in 0..<rounds {
                for message in messages {
                    if case .failure = decoder.decode(message.bytes, source: message.source, resolveISIN: { _ in "AAPL" }) { failures += 1 }
                }
            }
        }
        #expect(failures == 0)
    }

    @Test func decodeAndApplyThroughThePipeline() throws {
        let messages = try Self.messages()
        let bytes = messages.map(\.bytes.count).reduce(0, +)
        let pipeline = FeedPipeline(store: NullStore())
        let rounds = 200
        let now = Timestamp(millisecondsSinceEpoch: 0)
        Self.report("decode+apply (FeedPipeline, no-op store)", messages: rounds * messages.count, bytes: rounds * bytes) {
            for _ in 0..<rounds {
                for message in messages { pipeline.ingest(message.bytes, source: message.source, receivedAt: now) }
            }
        }
    }

    @Test func parseOnly() throws {
        let messages = try Self.messages()
        let bytes = messages.map(\.bytes.count).reduce(0, +)
        let rounds = 200
        var parser = JSONParser()
        var objects = 0
        Self.report("parse only (JSONParser)", messages: rounds * messages.count, bytes: rounds * bytes) {
            for _ in 0..<rounds {
                for message in messages where (try? parser.parse(message.bytes))?.objectValue != nil { objects += 1 }
            }
        }
        #expect(objects == rounds * messages.count)
    }

    @Test func foundationBaselines() throws {
        let messages = try Self.messages().filter { $0.source == .ratings }
        let bytes = messages.map(\.bytes.count).reduce(0, +)
        let datas = messages.map { Data($0.bytes) }
        let rounds = 40
        var decoded = 0
        let decoder = JSONDecoder()
        Self.report("ratings via Foundation JSONDecoder (Codable, explicit keys)", messages: rounds * datas.count, bytes: rounds * bytes) {
            for _ in 0..<rounds {
                for data in datas where (try? decoder.decode(CodableRatingMessage.self, from: data)) != nil { decoded += 1 }
            }
        }
        #expect(decoded == rounds * datas.count)
        var parsed = 0
        Self.report("ratings via Foundation JSONSerialization", messages: rounds * datas.count, bytes: rounds * bytes) {
            for _ in 0..<rounds {
                for data in datas where (try? JSONSerialization.jsonObject(with: data)) != nil { parsed += 1 }
            }
        }
        #expect(parsed == rounds * datas.count)
        let decoderOurs = FeedDecoder()
        Self.report("ratings via FeedDecoder", messages: rounds * messages.count, bytes: rounds * bytes) {
            for _ in 0..<rounds {
                for message in messages { _ = decoderOurs.decode(message.bytes, source: .ratings) }
            }
        }
    }
}

/// The ratings message as plain `Codable` would model it, with a lenient scalar for the fields
/// upstream sends as either strings or numbers: the fair baseline for the hand-written path.
struct CodableRatingMessage: Decodable {
    struct Payload: Decodable {
        let action: String
        let id: String
        let timestamp: String?
        let content: Content?
    }

    struct Content: Decodable {
        let id, date, time, ticker, exchange, isin, cusip, name, currency: String?
        let actionPT, actionCompany, ratingCurrent, ratingPrior: String?
        let ptCurrent, ptPrior, adjustedPTCurrent, adjustedPTPrior: Flexible?
        let url, urlCalendar, urlNews, analyst, analystID, analystName, firmID, notes: String?
        let importance, updated: Flexible?

        enum CodingKeys: String, CodingKey {
            case id, date, time, ticker, exchange, isin, cusip, name, currency, url, analyst, notes, importance, updated
            case actionPT = "action_pt", actionCompany = "action_company", ratingCurrent = "rating_current"
            case ratingPrior = "rating_prior", ptCurrent = "pt_current", ptPrior = "pt_prior"
            case adjustedPTCurrent = "adjusted_pt_current", adjustedPTPrior = "adjusted_pt_prior"
            case urlCalendar = "url_calendar", urlNews = "url_news", analystID = "analyst_id"
            case analystName = "analyst_name", firmID = "firm_id"
        }
    }

    enum Flexible: Decodable {
        case number(Double)
        case text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }
    }

    let id: String
    let apiVersion: String?
    let kind: String?
    let data: Payload

    enum CodingKeys: String, CodingKey {
        case id, kind, data
        case apiVersion = "api_version"
    }
}
