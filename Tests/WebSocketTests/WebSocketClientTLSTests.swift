import Dispatch
import Synchronization
import Testing
@testable import WebSocket
import WebSocketTestSupport

/// `wss://` end to end against `openssl s_server` with a CA made for the test.
@Suite(.enabled(if: TestCertificates.openssl != nil, "needs the openssl command line to make a test CA and run a TLS peer"))
struct WebSocketClientTLSTests {
    @Test func exchangesMessagesOverTLSTrustingTheTestCA() throws {
        let openssl = try #require(TestCertificates.openssl)
        let certificates = try TestCertificates(openssl: openssl)
        let server = try OpenSSLServer(openssl: openssl, certificates: certificates)
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<String?>(nil)
        DispatchQueue.global().async {
            defer { done.signal() }
            do { try Self.serve(server) } catch { failure.withLock { $0 = "\(error)" } }
        }
        var configuration = WebSocketClientConfiguration()
        configuration.caFile = certificates.caFile
        let client = try WebSocketClient.connect(to: try WebSocketURL("wss://127.0.0.1:\(server.port)/secure?token=SECRET"), configuration: configuration)
        try client.send(text: "hello over tls")
        #expect(client.receive(timeout: .seconds(5)).text == "welcome")
        #expect(client.close().cause == .closeCompleted)
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(failure.withLock { $0 } == nil)
    }

    @Test func refusesAServerItsCAsDoNotTrust() throws {
        let openssl = try #require(TestCertificates.openssl)
        let certificates = try TestCertificates(openssl: openssl)
        let server = try OpenSSLServer(openssl: openssl, certificates: certificates)
        do {
            _ = try WebSocketClient.connect(to: try WebSocketURL("wss://127.0.0.1:\(server.port)/?token=SECRET"))
            Issue.record("connected without trusting the test CA")
        } catch {
            guard case .tlsFailed(let curl) = error else { Issue.record("wrong error: \(error)"); return }
            #expect(curl.kind == .tls)
            #expect(!error.description.contains("SECRET"))
        }
    }

    /// The TLS peer's side: upgrade, answer "hello over tls" with "welcome", echo the close.
    private static func serve(_ server: OpenSSLServer) throws {
        try server.skipToRequest()
        var received: [UInt8] = []
        var headEnd: Range<Int>?
        while headEnd == nil {
            guard let chunk = try server.read() else { throw PeerError(description: "no request head") }
            received += chunk
            headEnd = received.firstRange(of: [13, 10, 13, 10])
        }
        let headers = headerFields(String(decoding: received[..<headEnd!.lowerBound], as: UTF8.self)).fields
        server.write(try WebSocketServerHandshake.response(to: headers))
        var state = WebSocketConnectionState(role: .server)
        state.receive(contentsOf: received[headEnd!.upperBound...])
        func next() throws -> WebSocketAction? {
            while true {
                while let action = state.nextAction(now: .now) {
                    if case .send(let bytes) = action { server.write(bytes) } else { return action }
                }
                guard let chunk = try server.read() else { return nil }
                state.receive(contentsOf: chunk)
            }
        }
        guard case .deliver(.text(let text)) = try next(), text == bytes("hello over tls") else { throw PeerError(description: "no text") }
        server.write(state.encoder.text("welcome"))
        guard case .closeTransport(let closure) = try next(), closure.cause == .peerClosed else { throw PeerError(description: "no close") }
        server.closeInput()
    }
}
