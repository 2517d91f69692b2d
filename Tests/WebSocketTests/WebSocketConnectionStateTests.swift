import Testing
@testable import WebSocket

/// The protocol state machine, driven with bytes and an injected clock, no sockets.
struct WebSocketConnectionStateTests {
    let t0 = ContinuousClock.now
    /// What a client would send us when we are the server (masked).
    let peerClient = WebSocketFrameEncoder(role: .client, maskingKeys: { 0x0102_0304 })
    /// What a server sends us when we are the client (unmasked).
    let peerServer = WebSocketFrameEncoder(role: .server)

    func clientState(closeTimeout: Duration = .seconds(5)) -> WebSocketConnectionState {
        WebSocketConnectionState(role: .client, closeTimeout: closeTimeout, encoder: rfcMaskingEncoder)
    }

    /// Every action the state has for `bytes` at `now`.
    func actions(_ state: inout WebSocketConnectionState, _ bytes: [UInt8], at now: ContinuousClock.Instant? = nil) -> [WebSocketAction] {
        state.receive(contentsOf: bytes)
        var result: [WebSocketAction] = []
        while let action = state.nextAction(now: now ?? t0) { result.append(action) }
        return result
    }

    @Test func answersAPingWithAPongEchoingItsPayloadThenDeliversIt() {
        var state = clientState()
        let result = actions(&state, peerServer.ping(bytes("Hello")))
        #expect(result == [.send(rfcMaskingEncoder.pong(bytes("Hello"))), .deliver(.ping(bytes("Hello")))])
    }

    @Test func aServerAnswersAMaskedPingWithAnUnmaskedPong() {
        var state = WebSocketConnectionState(role: .server)
        let result = actions(&state, peerClient.ping([1, 2, 3]))
        #expect(result == [.send([0x8A, 0x03, 1, 2, 3]), .deliver(.ping([1, 2, 3]))])
    }

    @Test func deliversDataMessagesAndPongs() {
        var state = clientState()
        let result = actions(&state, peerServer.text("a") + peerServer.binary([1]) + peerServer.pong([]))
        #expect(result == [.deliver(.text(bytes("a"))), .deliver(.binary([1])), .deliver(.pong([]))])
    }

    @Test func bufferedBytesCountWhatIsReadButNotYetDelivered() {
        var state = clientState()
        let second = peerServer.text("bb")
        state.receive(contentsOf: peerServer.text("a") + second.prefix(3))
        #expect(state.bufferedByteCount == 3 + 3)
        #expect(state.nextAction(now: t0) == .deliver(.text(bytes("a"))))
        #expect(state.bufferedByteCount == 3)
        #expect(state.nextAction(now: t0) == nil)
        state.receive(contentsOf: second.dropFirst(3))
        #expect(state.nextAction(now: t0) == .deliver(.text(bytes("bb"))))
        #expect(state.bufferedByteCount == 0)
    }

    @Test func answersAPeerCloseWithTheSameCodeThenClosesAndIgnoresWhatFollows() {
        var state = clientState()
        let wire = peerServer.close(code: .goingAway, reason: "restart") + peerServer.text("late")
        let closure = WebSocketClosure(code: .goingAway, reason: "restart", cause: .peerClosed)
        #expect(actions(&state, wire) == [.send(rfcMaskingEncoder.close(code: .goingAway)), .closeTransport(closure)])
        #expect(state.phase == .closed(closure))
        #expect(actions(&state, peerServer.text("later")).isEmpty)
    }

    @Test func answersACloseWithoutStatusWithAnEmptyClose() {
        var state = clientState()
        let result = actions(&state, [0x88, 0x00])
        #expect(result == [
            .send(rfcMaskingEncoder.close(code: nil)),
            .closeTransport(WebSocketClosure(code: .noStatusReceived, reason: "", cause: .peerClosed)),
        ])
    }

    @Test func ourCloseWaitsForThePeersCloseAndDropsDataMeanwhile() {
        var state = clientState()
        let frame = state.close(code: .goingAway, reason: "shutdown", now: t0)
        #expect(frame == rfcMaskingEncoder.close(code: .goingAway, reason: "shutdown"))
        #expect(state.deadline == t0 + .seconds(5))
        let again = state.close(now: t0)
        #expect(again == nil)
        #expect(actions(&state, peerServer.text("in flight") + peerServer.ping([7])).isEmpty)
        let result = actions(&state, peerServer.close(code: .goingAway), at: t0 + .seconds(1))
        #expect(result == [.closeTransport(WebSocketClosure(code: .goingAway, reason: "", cause: .closeCompleted))])
    }

    @Test func ourCloseGivesUpAtItsDeadline() {
        var state = clientState(closeTimeout: .seconds(2))
        _ = state.close(code: .normalClosure, reason: "bye", now: t0)
        let early = state.nextAction(now: t0 + .milliseconds(1999))
        #expect(early == nil)
        let closure = WebSocketClosure(code: .normalClosure, reason: "bye", cause: .closeTimedOut)
        let due = state.nextAction(now: t0 + .seconds(2))
        #expect(due == .closeTransport(closure))
        let after = state.nextAction(now: t0 + .seconds(3))
        #expect(after == nil)
    }

    @Test func aViolationSendsACloseWithItsCodeThenClosesTheTransport() {
        var state = WebSocketConnectionState(role: .client, limits: WebSocketLimits(maxMessageSize: 4), encoder: rfcMaskingEncoder)
        let error = WebSocketProtocolError.messageTooBig(limit: 4)
        #expect(actions(&state, peerServer.binary([1, 2, 3, 4, 5])) == [
            .send(rfcMaskingEncoder.close(code: .messageTooBig, reason: error.description)),
            .closeTransport(WebSocketClosure(code: .messageTooBig, reason: error.description, cause: .protocolViolation(error))),
        ])
    }

    @Test func aViolationWhileClosingClosesWithoutASecondCloseFrame() {
        var state = clientState()
        _ = state.close(now: t0)
        let result = actions(&state, [0xC1, 0x00])
        #expect(result.count == 1)
        #expect(result.first.map { if case .closeTransport = $0 { true } else { false } } == true)
    }

    @Test func refusesToSendOnceClosingAndRefusesOversizedPings() throws {
        var state = clientState()
        #expect(throws: WebSocketError.controlPayloadTooLong(126)) { try state.sendPing([UInt8](repeating: 0, count: 126)) }
        let ping = try state.sendPing([UInt8](repeating: 0, count: 125))
        #expect(ping.count == 2 + 4 + 125)
        _ = state.close(now: t0)
        #expect(throws: WebSocketError.notOpen) { try state.sendText("x") }
        #expect(throws: WebSocketError.notOpen) { try state.sendBinary([1]) }
    }

    @Test func aCodeThatCannotTravelIsSentAsAnEmptyClose() {
        var state = clientState()
        let frame = state.close(code: .abnormalClosure, reason: "ignored", now: t0)
        #expect(frame == rfcMaskingEncoder.close(code: nil))
    }

    @Test func theTransportEndingIsAnAbnormalClosureReportedOnce() {
        var state = clientState()
        let first = state.transportEnded("reset")
        #expect(first == WebSocketClosure(code: .abnormalClosure, reason: "", cause: .transportEnded("reset")))
        let second = state.transportEnded("again")
        #expect(second == nil)
        #expect(actions(&state, peerServer.text("x")).isEmpty)
    }
}
