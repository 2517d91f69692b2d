import Foundation
import Testing

/// The real binary in demo mode: it starts with no token, loads the embedded Fixtures, serves
/// them, and stops cleanly on SIGTERM.
@Suite(.serialized) struct DemoModeTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Starts ratingsd and waits for its demo data to be loaded.
    static func startLoaded(arguments: [String] = [], environment: [String: String] = [:]) throws -> RatingsdProcess {
        let server = try RatingsdProcess(arguments: arguments, environment: environment)
        let loaded = server.log.waitForLine(timeout: 60) { $0.contains("initial load complete") ? true : nil }
        try #require(loaded == true, "no 'initial load complete' line in:\n\(server.log.text)")
        return server
    }

    @Test func logsOneLineSayingItIsInDemoModeAndWhy() throws {
        let server = try Self.startLoaded()
        let line = server.log.text.split(separator: "\n").first { $0.contains("demo mode") }
        #expect(line?.contains("BENZINGA_TOKEN") == true)
    }

    @Test func servesTheConsensusOfAnEmbeddedTicker() throws {
        let server = try Self.startLoaded()
        let client = try HTTPTestClient(port: server.port)
        let response = try client.get("/consensus/aapl")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        let document = try #require(try response.json() as? [String: Any])
        #expect(document["ticker"] as? String == "AAPL")
        #expect(document["consensus_rating_val"] is Double || document["consensus_rating_val"] is Int)
        let etag = try #require(response.headers["etag"])
        let again = try client.get("/consensus/AAPL", headers: ["If-None-Match": etag])
        #expect(again.status == 304 || again.headers["etag"] != etag)
    }

    @Test func becomesReadyAfterTheInitialLoad() throws {
        let server = try Self.startLoaded()
        let client = try HTTPTestClient(port: server.port)
        #expect(try client.get("/readyz").status == 200)
        #expect(try client.get("/healthz").status == 200)
        let status = try #require(try client.get("/status").json() as? [String: Any])
        #expect(status["mode"] as? String == "demo")
    }

    @Test func servesTheOpenAPIDocumentVerbatim() throws {
        let server = try Self.startLoaded()
        let client = try HTTPTestClient(port: server.port)
        let response = try client.get("/openapi.yaml")
        let file = try Data(contentsOf: Self.repositoryRoot.appendingPathComponent("openapi/openapi.yaml"))
        #expect(response.status == 200)
        #expect(Data(response.body) == file)
    }

    @Test func takesSettingsFromTheEnvironment() throws {
        let server = try Self.startLoaded(environment: ["RATINGSD_CORS_ORIGIN": "https://desk.example"])
        let client = try HTTPTestClient(port: server.port)
        #expect(try client.get("/healthz").headers["access-control-allow-origin"] == "https://desk.example")
    }

    @Test func exitsZeroOnSIGTERM() throws {
        let server = try Self.startLoaded()
        #expect(server.terminate() == 0)
        #expect(server.log.text.contains("stopped"))
    }

    @Test func aSIGTERMDuringTheInitialLoadStillShutsDownCleanly() throws {
        // RatingsdProcess returns as soon as the "listening" line appears, before the demo load
        // completes. (The race with signal installation itself is pinned by ShutdownRequestTests.)
        let server = try RatingsdProcess()
        #expect(server.terminate() == 0)
        #expect(server.log.text.contains("stopped"))
    }

    @Test func everyResponseMatchesTheOpenAPIContract() throws {
        let server = try Self.startLoaded()
        let result = try ContractValidator.run(port: server.port)
        #expect(result.status == 0, "validate-openapi.py failed:\n\(result.output)")
    }
}
