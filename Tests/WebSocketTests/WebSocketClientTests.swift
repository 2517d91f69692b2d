import Testing
@testable import WebSocket
import WebSocketTestSupport

/// The client over real loopback TCP against a test server thread using the server role.
struct WebSocketClientTests {
    var configuration: WebSocketClientConfiguration {
        var configuration = WebSocketClientConfiguration()
        configuration.connectTimeout = .seconds(5)
        configuration.handshakeTimeout = .seconds(5)
        configuration.closeTimeout = .seconds(2)
        return configuration
    }

    @Test func exchangesTextAndClosesWithTheHandshake() throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in
            let request = try peer.readRequest()
            guard request.line == "GET /feed?token=SECRET HTTP/1.1" else { throw PeerError(description: "request line \(request.line)") }
            try peer.send(try WebSocketServerHandshake.response(to: request.headers))
            guard case .deliver(.text(let text)) = try peer.next(), text == bytes("replay") else { throw PeerError(description: "no replay") }
            try peer.send(peer.encoder.text("{\"id\":1}"))
            guard case .closeTransport(let closure) = try peer.next(), closure.cause == .peerClosed, closure.code == .goingAway else {
                throw PeerError(description: "no close from the client")
            }
        }
        let client = try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        try client.send(text: "replay")
        #expect(client.receive(timeout: .seconds(5)).text == "{\"id\":1}")
        let closure = client.close(code: .goingAway, reason: "shutting down")
        #expect(closure == WebSocketClosure(code: .goingAway, reason: "", cause: .closeCompleted))
        #expect(!client.isOpen)
        #expect(client.receive(timeout: .zero) == .closed(closure))
        #expect(throws: WebSocketError.notOpen) { try client.send(text: "late") }
        #expect(server.finish() == nil)
    }

    @Test func answersAServerPingAndReportsIt() throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in
            try peer.acceptUpgrade()
            try peer.send(peer.encoder.ping(bytes("are you there")))
            guard case .deliver(.pong(let payload)) = try peer.next(), payload == bytes("are you there") else {
                throw PeerError(description: "ping not answered")
            }
            try peer.send(peer.encoder.text("after"))
            try peer.runUntilClosed()
        }
        let client = try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        #expect(client.receive(timeout: .seconds(5)) == .ping(bytes("are you there")))
        #expect(client.receive(timeout: .seconds(5)).text == "after")
        client.close()
        #expect(server.finish() == nil)
    }

    @Test func aServerCloseIsEchoedAndReportedWithItsCode() throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in
            try peer.acceptUpgrade()
            let close = peer.state.close(code: .tryAgainLater, reason: "maintenance", now: .now) ?? []
            try peer.send(close)
            guard case .closeTransport(let closure) = try peer.next(), closure.cause == .closeCompleted, closure.code == .tryAgainLater else {
                throw PeerError(description: "close not echoed")
            }
        }
        let client = try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        let event = client.receive(timeout: .seconds(5))
        #expect(event == .closed(WebSocketClosure(code: .tryAgainLater, reason: "maintenance", cause: .peerClosed)))
        #expect(server.finish() == nil)
    }

    @Test(arguments: [(401, "Unauthorized"), (429, "Too Many Requests")])
    func aRefusedUpgradeIsATypedErrorWithItsStatus(_ status: Int, _ reason: String) throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in
            _ = try peer.readRequest()
            try peer.send(bytes("HTTP/1.1 \(status) \(reason)\r\nContent-Length: 0\r\n\r\n"))
        }
        #expect(throws: WebSocketError.upgradeRefused(status: status, reason: reason)) {
            try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        }
        #expect(server.finish() == nil)
    }

    @Test func aSilentServerGivesAReceiveTimeoutAndTheConnectionStaysOpen() throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in
            try peer.acceptUpgrade()
            try peer.runUntilClosed()
        }
        let client = try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        let start = ContinuousClock.now
        #expect(client.receive(timeout: .milliseconds(300)) == .timeout)
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(3))
        #expect(client.isOpen)
        client.close()
        #expect(server.finish() == nil)
    }

    @Test func framesInTheSameWriteAsThe101AreKept() throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in
            try peer.acceptUpgrade(extra: peer.encoder.text("first") + peer.encoder.text("second"))
            try peer.runUntilClosed()
        }
        let client = try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        #expect(client.receive(timeout: .seconds(5)).text == "first")
        #expect(client.receive(timeout: .seconds(5)).text == "second")
        client.close()
        #expect(server.finish() == nil)
    }
}
