import Testing
@testable import WebSocket
import TestSupport
import WebSocketTestSupport

/// How the client ends a connection that goes wrong: violations, size, silence, loss.
struct WebSocketClientFailureTests {
    var configuration: WebSocketClientConfiguration {
        var configuration = WebSocketClientConfiguration()
        configuration.connectTimeout = .seconds(5)
        configuration.handshakeTimeout = .seconds(5)
        configuration.closeTimeout = .milliseconds(500)
        configuration.limits = WebSocketLimits(maxMessageSize: 64 * 1024)
        return configuration
    }

    /// Runs a server that sends `bytes` after the upgrade and expects the client's close code.
    func expectFailure(after bytes: [UInt8], code: WebSocketCloseCode, error: WebSocketProtocolError) throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in
            try peer.acceptUpgrade(extra: bytes)
            guard case .closeTransport(let closure) = try peer.next(), closure.code == code else {
                throw PeerError(description: "client did not close with \(code)")
            }
        }
        let client = try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        let event = client.receive(timeout: .seconds(5))
        #expect(event == .closed(WebSocketClosure(code: code, reason: error.description, cause: .protocolViolation(error))))
        #expect(server.finish() == nil)
    }

    @Test func aMaskedFrameFromTheServerClosesWith1002() throws {
        try expectFailure(after: [0x81, 0x81, 1, 2, 3, 4, 0x40], code: .protocolError, error: .maskedFrameFromServer)
    }

    @Test func anOversizedMessageClosesWith1009FromItsHeaderAlone() throws {
        // Only the header claiming 64 KiB + 1 is sent: the client must not wait for the payload.
        try expectFailure(after: [0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x00, 0x01], code: .messageTooBig, error: .messageTooBig(limit: 64 * 1024))
    }

    @Test func invalidUTF8ClosesWith1007() throws {
        try expectFailure(after: [0x81, 0x02, 0xED, 0xA0], code: .invalidPayloadData, error: .invalidUTF8)
    }

    @Test func aLargeFragmentedMessageWithPingsBetweenIsReassembled() throws {
        let payload = (0..<60_000).map { UInt8(truncatingIfNeeded: $0) }
        let server = try LoopbackWebSocketServer()
        server.serve { peer in
            try peer.acceptUpgrade()
            for start in stride(from: 0, to: payload.count, by: 7000) {
                let slice = Array(payload[start..<min(payload.count, start + 7000)])
                try peer.send(peer.encoder.encode(WebSocketFrame(fin: start + 7000 >= payload.count, opcode: start == 0 ? .binary : .continuation, payload: slice)))
                try peer.send(peer.encoder.ping([UInt8(start / 7000)]))
            }
            try peer.runUntilClosed()
        }
        let client = try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        var pings = 0
        while true {
            let event = client.receive(timeout: .seconds(5))
            if case .ping = event { pings += 1; continue }
            // Compared as a Bool so a failure does not print 60 000 bytes.
            #expect(event == .binary(payload) ? true : false, "got \(event.text ?? "a different event")")
            break
        }
        #expect(pings == 8)
        client.close()
        #expect(server.finish() == nil)
    }

    @Test func aConnectionDroppedWithoutACloseIsAnAbnormalClosure() throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in try peer.acceptUpgrade() }  // closes the socket on return
        let client = try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        guard case .closed(let closure) = client.receive(timeout: .seconds(5)) else { Issue.record("no closure"); return }
        #expect(closure.code == .abnormalClosure)
        #expect(server.finish() == nil)
    }

    @Test func aPeerThatNeverAnswersOurCloseIsDroppedAfterTheCloseTimeout() throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in
            try peer.acceptUpgrade()
            guard peer.awaitEndOfStream() else { throw PeerError(description: "client never dropped the connection") }
        }
        let client = try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration)
        // The peer reads but never runs its state machine, so it never echoes the close.
        let start = ContinuousClock.now
        let closure = client.close(code: .normalClosure, reason: "bye")
        #expect(closure == WebSocketClosure(code: .normalClosure, reason: "bye", cause: .closeTimedOut))
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(server.finish() == nil)
    }

    @Test func aServerThatNeverAnswersTheUpgradeTimesOut() throws {
        let server = try LoopbackWebSocketServer()
        server.serve { peer in _ = try peer.readRequest(); _ = peer.awaitEndOfStream() }
        var configuration = configuration
        configuration.handshakeTimeout = .milliseconds(300)
        #expect(throws: WebSocketError.timedOut(.handshake)) { try WebSocketClient.connect(to: try server.webSocketURL(), configuration: configuration) }
        #expect(server.finish() == nil)
    }

    @Test func nothingListeningIsAConnectFailure() throws {
        let port = try LoopbackSocket.closedPort()
        do {
            _ = try WebSocketClient.connect(to: try WebSocketURL("ws://127.0.0.1:\(port)/?token=SECRET"), configuration: configuration)
            Issue.record("connected to a closed port")
        } catch {
            guard case .connectFailed(let curl) = error else { Issue.record("wrong error \(error)"); return }
            #expect(curl.kind == .connect)
            #expect(!error.description.contains("SECRET"))
        }
    }
}
