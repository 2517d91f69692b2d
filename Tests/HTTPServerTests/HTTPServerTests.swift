import Glibc
import HTTPServer
import Testing

/// The server over real loopback sockets, started in-process on an ephemeral port.
@Suite(.serialized) struct HTTPServerTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            for k in 0..<5 {
                try client.send("GET /k\(k) HTTP/1.1\r\nHost: a\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "/k\(k)")
                #expect(response.header("Connection") == nil)
                #expect(response.header("Server") == "ratingsd")
                #expect(response.header("Date")?.hasSuffix(" GMT") == true)
                #expect(response.header("Content-Length") == "\(k < 10 ? 3 : 4)")
            }
        }
    }

    @Test func aThousandPipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send((0..<1000).map { "GET /p\($0) HTTP/1.1\r\nHost: a\r\n\r\n" }.joined())
            for k in 0..<1000 {
                let response = try client.readResponse()
                #expect(response.text == "/p\(k)")
                if response.text != "/p\(k)" { return }
            }
        }
    }

    @Test func connectionCloseIsHonouredAndEchoed() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /bye HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.header("Connection") == "close")
            #expect(client.awaitClose())
        }
    }

    @Test func aClientThatHalfClosesAfterItsRequestsGetsTheAnswersThenAClose() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /two HTTP/1.1\r\nHost: a\r\n\r\n")
            client.shutdownWrite()
            #expect(try client.readResponse().text == "/one")
            #expect(try client.readResponse().text == "/two")
            // Closed at once, not after the idle timeout (which would outlast the read timeout).
            #expect(try client.readToEnd().isEmpty)
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        try withServer { _, port in
            let plain = try TestClient(port: port)
            try plain.send("GET /old HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().header("Connection") == "close")
            #expect(plain.awaitClose())

            let keeping = try TestClient(port: port)
            for _ in 0..<2 {
                try keeping.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let response = try keeping.readResponse()
                #expect(response.header("Connection") == "keep-alive")
                #expect(response.text == "/old")
            }
        }
    }

    @Test func headAnswersLikeGetWithoutTheBody() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("HEAD /big?1234 HTTP/1.1\r\nHost: a\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readResponse(head: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "1234")
            // The next response parses cleanly only if no body followed the HEAD response.
            #expect(try client.readResponse().text == "/after")
        }
    }

    @Test func requestBodiesArriveWithContentLengthOrChunked() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello")
            #expect(try client.readResponse().text == "POST /echo HTTP/1.1 host=h body=hello")
            try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
            #expect(try client.readResponse().text == "POST /echo HTTP/1.1 host=h body=abcde")
        }
    }

    @Test func aClientExpectingContinueIsToldToSendItsBody() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
            #expect(try client.readHead().status == 100)
            try client.send("ok")
            #expect(try client.readResponse().text == "POST /echo HTTP/1.1 host=h body=ok")
        }
    }

    @Test func aSlowButValidClientSendingByteByByteIsServed() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            for byte in "GET /slow HTTP/1.1\r\nHost: a\r\nX-Slow: yes\r\n\r\n".utf8 {
                try client.send([byte])
                usleep(1_000)  // pacing so most bytes arrive in separate segments, not a wait
            }
            #expect(try client.readResponse().text == "/slow")
        }
    }

    @Test func aClientThatNeverFinishesItsHeadGets408AndIsClosedAfterTheHeadTimeout() throws {
        try withServer({ $0.limits.headTimeout = .milliseconds(300) }) { _, port in
            let client = try TestClient(port: port)
            let start = ContinuousClock.now
            try client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Unfinished: ")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.header("Connection") == "close")
            #expect(client.awaitClose())
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(250) && elapsed < .seconds(4))
        }
    }

    @Test func aConnectionThatSendsNothingIsClosedAfterTheHeadTimeout() throws {
        try withServer({ $0.limits.headTimeout = .milliseconds(200) }) { _, port in
            let client = try TestClient(port: port)
            #expect(try client.readToEnd().isEmpty)
        }
    }

    @Test func anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws {
        try withServer({ $0.limits.idleTimeout = .milliseconds(200) }) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(try client.readToEnd().isEmpty)
        }
    }

    @Test func garbageGets400AndTheConnectionCloses() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send([0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00, 0x00, 0xA1, 0x03, 0x03] + Array("\r\n\r\n".utf8))
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.header("Connection") == "close")
            #expect(client.awaitClose())
        }
    }

    @Test(arguments: [
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "v", count: 17000) + "\r\n\r\n", 431),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 70000\r\n\r\n", 413),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: br\r\n\r\n", 501),
        ("GET / HTTP/1.1\r\n\r\n", 400),
    ])
    func refusedRequestsGetTheirStatusAndAClose(_ request: String, _ status: Int) throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send(request)
            let response = try client.readResponse()
            #expect(response.status == status)
            #expect(client.awaitClose())
        }
    }

    @Test func aClientDisconnectingMidResponseDoesNotHurtTheServer() throws {
        try withServer({ $0.threads = 1 }) { _, port in
            for _ in 0..<3 {
                let client = try TestClient(port: port, receiveBuffer: 4096)
                try client.send("GET /big?8000000 HTTP/1.1\r\nHost: a\r\n\r\n")
                _ = try client.readResponse(head: true)
                client.reset()
            }
            let after = try TestClient(port: port)
            try after.send("GET /still-alive HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try after.readResponse().text == "/still-alive")
        }
    }

    @Test func aClientThatStopsReadingIsClosedAfterTheSendTimeout() throws {
        try withServer({ $0.limits.sendTimeout = .milliseconds(300) }) { server, port in
            let client = try TestClient(port: port, receiveBuffer: 4096)
            try client.send("GET /big?16000000 HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(waitUntil { server.openConnectionCount == 1 })
            let start = ContinuousClock.now
            #expect(waitUntil { server.openConnectionCount == 0 })
            #expect(ContinuousClock.now - start >= .milliseconds(250))
        }
    }

    @Test func connectionsOverTheCapGet503AndAreClosed() throws {
        try withServer({ $0.maxConnections = 2 }) { server, port in
            let first = try TestClient(port: port), second = try TestClient(port: port)
            for client in [first, second] {
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let third = try TestClient(port: port)
            let refused = try third.readResponse()
            #expect(refused.status == 503)
            #expect(refused.header("Connection") == "close")
            #expect(third.awaitClose())

            first.close()
            #expect(waitUntil { server.openConnectionCount == 1 })
            let fourth = try TestClient(port: port)
            try fourth.send("GET /again HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try fourth.readResponse().text == "/again")
        }
    }

    @Test func gracefulShutdownFinishesAnInFlightRequestAndThenStops() throws {
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.threads = 1
        let server = HTTPServer(configuration: configuration, responder: TestResponder(), logger: .init(label: "test"))
        let port = try server.start()
        let idle = try TestClient(port: port)
        try idle.send("GET /idle HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        let inFlight = try TestClient(port: port)
        // A first exchange proves the loop accepted it (unaccepted connections are reset).
        try inFlight.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try inFlight.readResponse().status == 200)
        try inFlight.send("GET /in-flight HTTP/1.1\r\nHost: a\r\n")

        server.shutdown()
        // The idle connection closing shows the loop has begun shutting down.
        #expect(idle.awaitClose())
        #expect(throws: (any Error).self) { try TestClient(port: port) }
        try inFlight.send("\r\n")
        let response = try inFlight.readResponse()
        #expect(response.text == "/in-flight")
        #expect(response.header("Connection") == "close")
        #expect(inFlight.awaitClose())
        #expect(server.waitUntilStopped(timeout: .seconds(5)))
    }

    @Test(arguments: [HTTPServerConfiguration.AcceptStrategy.reusePort, .sharedListener])
    func bindingAPortAnotherServerListensOnThrowsAddressInUse(_ strategy: HTTPServerConfiguration.AcceptStrategy) throws {
        try withServer { _, port in
            // Even with SO_REUSEPORT a second server must not silently share the port.
            var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: port)
            configuration.acceptStrategy = strategy
            let second = HTTPServer(configuration: configuration, responder: TestResponder(), logger: .init(label: "test"))
            #expect(throws: SocketError.addressInUse(host: "127.0.0.1", port: port)) { try second.start() }
        }
    }

    @Test func aStoppedServersPortCanBeBoundAgainAtOnce() throws {
        var port = 0
        try withServer { _, bound in port = bound }
        try withServer({ $0.port = port }) { _, bound in #expect(bound == port) }
    }

    @Test func theReusePortStrategyServesToo() throws {
        try withServer({ $0.acceptStrategy = .reusePort }) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /reuse HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "/reuse")
        }
    }
}
