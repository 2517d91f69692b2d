import HTTPServer
import Testing

/// Connections taken over after a 101: raw bytes both ways on the loop, closes, the output bound.
@Suite(.serialized) struct HTTPUpgradedConnectionTests {
    static let request = "GET /upgrade HTTP/1.1\r\nHost: a\r\nUpgrade: test-protocol\r\nConnection: Upgrade\r\n\r\n"

    /// A responder that hands each upgraded connection to the test.
    func upgrading(_ opened: TestSignal<HTTPUpgradedConnection>, echo: Bool = false) -> TestResponder {
        TestResponder(onUpgrade: { connection in
            if echo { connection.onReceive { bytes in connection.write(bytes) } }
            opened.fire(connection)
        })
    }

    @Test func theUpgradeHeadSaysConnectionUpgradeAndCarriesNoBodyFraming() throws {
        let opened = TestSignal<HTTPUpgradedConnection>()
        try withServer(responder: upgrading(opened)) { _, port in
            let client = try TestClient(port: port)
            try client.send(Self.request)
            let head = try client.readHead()
            #expect(head.status == 101)
            #expect(head.header("Connection") == "Upgrade")
            #expect(head.header("Upgrade") == "test-protocol")
            #expect(head.header("Content-Length") == nil)
            #expect(head.header("Transfer-Encoding") == nil)
            #expect(opened.wait() != nil)
        }
    }

    @Test func bytesSentRightBehindTheRequestAndLaterAreEchoedUnframed() throws {
        let opened = TestSignal<HTTPUpgradedConnection>()
        try withServer(responder: upgrading(opened, echo: true)) { _, port in
            let client = try TestClient(port: port)
            try client.send(Self.request + "early")
            #expect(try client.readHead().status == 101)
            #expect(String(decoding: try client.readBytes(5), as: UTF8.self) == "early")
            // Something that looks like HTTP is just bytes now.
            let later = "GET /x HTTP/1.1\r\n\r\n"
            try client.send(later)
            #expect(String(decoding: try client.readBytes(later.utf8.count), as: UTF8.self) == later)
            let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0) }
            try client.send(big)
            #expect(try client.readBytes(big.count) == big)
        }
    }

    @Test func aServerCloseSendsWhatWasQueuedThenEndsTheConnection() throws {
        let opened = TestSignal<HTTPUpgradedConnection>()
        try withServer(responder: upgrading(opened)) { _, port in
            let client = try TestClient(port: port)
            try client.send(Self.request)
            #expect(try client.readHead().status == 101)
            let connection = try #require(opened.wait())
            let closed = TestSignal<HTTPStreamCloseReason>()
            connection.onClose { closed.fire($0) }
            #expect(connection.write(Array("goodbye".utf8)) == .queued)
            connection.close()
            #expect(String(decoding: try client.readToEnd(), as: UTF8.self) == "goodbye")
            #expect(closed.wait() == .closedByApplication)
            #expect(connection.write(Array("late".utf8)) == .closed)
            #expect(!connection.isOpen)
        }
    }

    @Test func aClientCloseDeliversItsLastBytesThenReportsTheDisconnect() throws {
        let opened = TestSignal<HTTPUpgradedConnection>()
        let received = TestSignal<String>()
        let responder = TestResponder(onUpgrade: { connection in
            connection.onReceive { bytes in received.fire(String(decoding: bytes, as: UTF8.self)) }
            opened.fire(connection)
        })
        try withServer(responder: responder) { server, port in
            let client = try TestClient(port: port)
            try client.send(Self.request)
            #expect(try client.readHead().status == 101)
            let connection = try #require(opened.wait())
            let closed = TestSignal<HTTPStreamCloseReason>()
            connection.onClose { closed.fire($0) }
            try client.send("last words")
            client.shutdownWrite()
            #expect(closed.wait() == .clientDisconnected)
            #expect(received.wait() == "last words")
            #expect(waitUntil { server.openConnectionCount == 0 })
        }
    }

    @Test func aClientThatStopsReadingIsClosedOnOverflow() throws {
        let opened = TestSignal<HTTPUpgradedConnection>()
        try withServer({ $0.limits.outputBufferLimit = 64 * 1024 }, responder: upgrading(opened)) { _, port in
            let client = try TestClient(port: port, receiveBuffer: 4096)
            try client.send(Self.request)
            #expect(try client.readHead().status == 101)
            let connection = try #require(opened.wait())
            let closed = TestSignal<HTTPStreamCloseReason>()
            connection.onClose { closed.fire($0) }
            let chunk = [UInt8](repeating: UInt8(ascii: "u"), count: 8 * 1024)
            var result = HTTPStreamWriteResult.queued
            var written = 0
            // Bounded: the kernel buffers at most a few MiB before the limit must trip.
            while result == .queued && written < 256 * 1024 * 1024 {
                result = connection.write(chunk)
                written += chunk.count
            }
            #expect(result == .overflowed)
            #expect(closed.wait() == .outputBufferOverflow)
            #expect(client.awaitClose())
        }
    }

    @Test func aHeadRequestForAnUpgradeGetsTheHeadAndKeepsHTTP() throws {
        let opened = TestSignal<HTTPUpgradedConnection>()
        try withServer(responder: upgrading(opened)) { _, port in
            let client = try TestClient(port: port)
            try client.send("HEAD /upgrade HTTP/1.1\r\nHost: a\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse(head: true).status == 101)
            #expect(try client.readResponse().text == "/after")
            #expect(opened.wait(seconds: 0.2) == nil)
        }
    }
}
