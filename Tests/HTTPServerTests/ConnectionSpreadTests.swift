import HTTPServer
import Testing

/// How connections end up on the loops, over real loopback sockets.
@Suite(.serialized) struct ConnectionSpreadTests {
    @Test func aSharedListenerSpreadsConnectionsPastTheAllowedImbalance() throws {
        let clientCount = 30
        try withServer({ $0.acceptStrategy = .sharedListener; $0.maxLoopImbalance = 3 }) { server, port in
            let clients = try serveOneRequestEach(clientCount, port: port)
            #expect(waitUntil { server.connectionsPerLoop.reduce(0, +) == clientCount })
            let counts = server.connectionsPerLoop
            // Each connection was accepted after the previous one was answered, so every
            // decision saw current counts: the loops end at most one past the allowance apart.
            #expect(counts.max()! - counts.min()! <= 4, "per loop: \(counts)")
            clients.forEach { $0.close() }
            #expect(waitUntil { server.connectionsPerLoop == [0, 0] })
        }
    }

    @Test func handedOverConnectionsAreServedLikeAnyOther() throws {
        // With no allowance every second connection moves to the other loop.
        try withServer({ $0.acceptStrategy = .sharedListener; $0.maxLoopImbalance = 0 }) { server, port in
            let clients = try serveOneRequestEach(8, port: port)
            for (k, client) in clients.enumerated() {
                try client.send("GET /again\(k) HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().text == "/again\(k)")
            }
            #expect(waitUntil { server.connectionsPerLoop == [4, 4] })
        }
    }

    @Test func reusePortListenersReportTheirCountsToo() throws {
        try withServer({ $0.acceptStrategy = .reusePort }) { server, port in
            let clients = try serveOneRequestEach(10, port: port)
            #expect(waitUntil { server.connectionsPerLoop.reduce(0, +) == 10 })
            clients.forEach { $0.close() }
            #expect(waitUntil { server.connectionsPerLoop.reduce(0, +) == 0 })
        }
    }

    /// Opens `count` keep-alive connections one after another, each answered once before the next.
    private func serveOneRequestEach(_ count: Int, port: Int) throws -> [TestClient] {
        try (0..<count).map { k in
            let client = try TestClient(port: port)
            try client.send("GET /c\(k) HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "/c\(k)")
            return client
        }
    }
}
