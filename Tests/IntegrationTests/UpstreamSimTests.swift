import Feeds
import Foundation
import LiveState
import Testing
import WebSocket

/// The simulator as `ratingsd` meets it: a real process, our own WebSocket client.
@Suite(.serialized) struct UpstreamSimTests {
    static let ratingsPath = "/api/v2.1/calendar/ratings/stream"

    /// The next text message within `timeout`, skipping pings and pongs; nil on close or timeout.
    func nextText(_ client: WebSocketClient, timeout: Duration = .seconds(5)) -> [UInt8]? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            switch client.receive(timeout: deadline - ContinuousClock.now) {
            case .text(let bytes): return bytes
            case .ping, .pong, .binary: continue
            case .closed, .timeout: return nil
            }
        }
        return nil
    }

    func envelopeID(_ bytes: [UInt8]) -> String? {
        guard case .success(let message) = FeedDecoder().decode(bytes, source: .ratings) else { return nil }
        return message.envelopeID
    }

    @Test func aWrongOrMissingTokenIsRefusedWith401AndNeverLogged() throws {
        let sim = try UpstreamSimProcess(arguments: ["--token", "right-token-7c1d"])
        for query in ["token=wrong-token-5e2a", "tickers=AAPL"] {
            #expect(throws: WebSocketError.upgradeRefused(status: 401, reason: "Unauthorized")) {
                _ = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, query)))
            }
        }
        // Both refusals are logged (the log arrives through a pipe: wait for it).
        #expect(sim.log.waitForLine(timeout: 5) { $0.contains("no token") ? true : nil } == true)
        #expect(sim.log.text.contains("wrong token"))
        #expect(!sim.log.text.contains("5e2a"))
        #expect(!sim.log.text.contains("7c1d"))
    }

    @Test func aStatusFaultRefusesTheUpgradeWithThatStatus() throws {
        let sim = try UpstreamSimProcess()
        #expect(throws: WebSocketError.upgradeRefused(status: 429, reason: "Too Many Requests")) {
            _ = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token&fault=status:429")))
        }
    }

    @Test func theRightTokenStreamsFixtureMessagesThatDecodeOnEveryPath() throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "500"])
        let paths: [(String, FeedSource)] = [
            (Self.ratingsPath, .ratings), ("/api/v1/consensus-ratings/stream", .consensus),
            ("/api/v1/analyst/insights/stream", .insights),
        ]
        for (path, source) in paths {
            let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(path, "token=sim-token")))
            for _ in 0..<10 {
                let bytes = try #require(nextText(client))
                // Some consensus lines name only an ISIN, which the store knows from the ratings.
                let decoded = FeedDecoder().decode(bytes, source: source, resolveISIN: { _ in "ISIN-KNOWN" })
                #expect((try? decoded.get()) != nil, "\(source): \(String(decoding: bytes, as: UTF8.self))")
            }
            _ = client.close()
        }
    }

    @Test func pingIsAnsweredWithPongAndReplayResendsTheLastMessages() throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "100"])
        let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token")))
        var seen: [String] = []
        for _ in 0..<20 {
            let bytes = try #require(nextText(client))
            seen.append(try #require(envelopeID(bytes)))
        }
        try client.send(text: "ping")
        var gotPong = false
        for _ in 0..<50 where !gotPong {
            gotPong = String(decoding: try #require(nextText(client)), as: UTF8.self) == "pong"
        }
        #expect(gotPong)
        try client.send(text: "replay")
        var again = Set<String>()
        let wanted = Set(seen)
        // Bounded: the replay holds at most 100 messages, the live stream goes on meanwhile.
        for _ in 0..<400 where !wanted.isSubset(of: again) {
            guard let bytes = nextText(client), let id = envelopeID(bytes) else { break }
            if wanted.contains(id) { again.insert(id) }
        }
        #expect(again == wanted)
    }

    @Test func aTickersFilterSendsOnlyThatTickersMessages() throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "5000", "--no-loop"])
        let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token&tickers=aapl")))
        var count = 0
        while let bytes = nextText(client, timeout: .seconds(2)) {
            guard case .success(let message) = FeedDecoder().decode(bytes, source: .ratings), case .rating(_, let rating) = message.change else {
                Issue.record("undecodable: \(String(decoding: bytes, as: UTF8.self))")
                break
            }
            #expect(rating.ticker == "AAPL")
            count += 1
        }
        #expect(count == Self.fixtureLines(containing: #""ticker":"AAPL""#))
    }

    @Test func aDropFaultClosesTheConnectionAfterNMessages() throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "500"])
        let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token&fault=drop:5")))
        var count = 0
        while nextText(client) != nil { count += 1 }
        #expect(count == 5)
        #expect(!client.isOpen)
        #expect(sim.log.waitForLine(timeout: 5) { $0.contains("fault: dropping the connection") ? true : nil } == true)
    }

    @Test func aReplayIsBoundedByItsCapacityAndDoesNotCountTowardsADrop() throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "200", "--replay-capacity", "10"])
        let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token&fault=drop:30")))
        var seen: [String] = []
        for _ in 0..<20 {
            let bytes = try #require(nextText(client))
            seen.append(try #require(envelopeID(bytes)))
        }
        try client.send(text: "replay")
        var received = seen.count
        var repeated: [String] = []
        while let bytes = nextText(client) {
            received += 1
            let id = try #require(envelopeID(bytes))
            if seen.contains(id) { repeated.append(id) } else { seen.append(id) }
        }
        // The last 10 messages came again, and the drop still waited for 30 live ones.
        #expect(repeated.count == 10)
        #expect(Set(repeated).count == 10)
        #expect(seen.count == 30)
        #expect(received == 40)
    }

    @Test func fragmentedMessagesReassembleAndAMalformedFrameIsAProtocolViolation() throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "500"])
        let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token&fault=fragment,malformed:3")))
        for _ in 0..<3 {
            let bytes = try #require(nextText(client))
            #expect(envelopeID(bytes) != nil)
        }
        #expect(closure(client)?.code == .protocolError)
    }

    /// The closure the client sees within `timeout`, skipping every message before it.
    func closure(_ client: WebSocketClient, timeout: Duration = .seconds(10)) -> WebSocketClosure? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if case .closed(let ended) = client.receive(timeout: deadline - ContinuousClock.now) { return ended }
        }
        return nil
    }

    @Test(arguments: [("non-utf8:2", WebSocketCloseCode.invalidPayloadData), ("oversized:2", .messageTooBig)])
    func aBadMessageFaultMakesTheClientCloseWithItsCode(_ fault: String, _ code: WebSocketCloseCode) throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "500"])
        let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token&fault=\(fault)")))
        for _ in 0..<2 { #expect(nextText(client) != nil) }
        #expect(closure(client)?.code == code)
    }

    @Test func aSilentConnectionGetsNoDataNoPingsAndNoPong() throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "500", "--ping-interval", "0.1"])
        let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token&fault=silence")))
        try client.send(text: "ping")
        #expect(client.receive(timeout: .milliseconds(800)) == .timeout)
        // The same simulator still talks to a connection without the fault.
        let loud = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token")))
        var sawPing = false
        let deadline = ContinuousClock.now + .seconds(5)
        while !sawPing && ContinuousClock.now < deadline {
            if case .ping = loud.receive(timeout: deadline - ContinuousClock.now) { sawPing = true }
        }
        #expect(sawPing)
    }

    @Test func sigtermClosesEveryConnectionWithGoingAway() throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "50"])
        let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(Self.ratingsPath, "token=sim-token")))
        #expect(nextText(client) != nil)
        #expect(sim.terminate() == 0)
        let ended = closure(client)
        #expect(ended?.code == .goingAway)
        #expect(ended?.cause == .peerClosed)
    }

    @Test func aConsensusTickersFilterMatchesTickerSymbolAndKnownISIN() throws {
        let sim = try UpstreamSimProcess(arguments: ["--rate", "5000", "--no-loop"])
        let path = "/api/v1/consensus-ratings/stream"
        let client = try WebSocketClient.connect(to: try WebSocketURL(sim.url(path, "token=sim-token&tickers=META")))
        var count = 0
        while let bytes = nextText(client, timeout: .seconds(2)) {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains(#""META""#) || text.contains(#""isin":"US30303M1027""#), "\(text)")
            count += 1
        }
        let fixture = Self.fixtureLines(containing: #""META""#, in: "consensus.jsonl")
            + Self.fixtureLines(containing: #""isin":"US30303M1027""#, in: "consensus.jsonl")
        #expect(count > 0)
        #expect(count == fixture)
    }

    /// Lines of `Fixtures/<file>` holding `text`.
    static func fixtureLines(containing text: String, in file: String = "ratings.jsonl") -> Int {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fixture = (try? String(contentsOf: root.appendingPathComponent("Fixtures/\(file)"), encoding: .utf8)) ?? ""
        return fixture.split(separator: "\n").filter { $0.contains(text) }.count
    }
}
