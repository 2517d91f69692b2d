import Dispatch
import HTTPServer
import Synchronization
import Testing

/// Long-lived responses: a stream of writes from any thread on the loop's connection.
@Suite(.serialized) struct HTTPStreamWriterTests {
    /// A responder whose `/stream` route hands each writer to the test.
    func streaming(_ opened: TestSignal<HTTPStreamWriter>) -> TestResponder {
        TestResponder(onStream: { writer in opened.fire(writer) })
    }

    /// Reads chunks until their concatenation has `count` bytes.
    func readChunks(_ client: TestClient, count: Int) throws -> String {
        var data: [UInt8] = []
        while data.count < count {
            guard let chunk = try client.readChunk() else { break }
            data += chunk
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func writesArriveInOrderAndCloseEndsTheBodyButNotTheConnection() throws {
        let opened = TestSignal<HTTPStreamWriter>()
        try withServer(responder: streaming(opened)) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readHead()
            #expect(head.status == 200)
            #expect(head.header("Transfer-Encoding") == "chunked")
            #expect(head.header("Content-Type") == "text/event-stream")
            let writer = try #require(opened.wait())
            let closed = TestSignal<HTTPStreamCloseReason>()
            writer.onClose { closed.fire($0) }
            for event in ["data: 1\n\n", "data: 2\n\n", "data: 3\n\n"] { #expect(writer.write(event) == .queued) }
            #expect(try readChunks(client, count: 27) == "data: 1\n\ndata: 2\n\ndata: 3\n\n")
            writer.close()
            #expect(try client.readChunk() == nil)
            #expect(closed.wait() == .closedByApplication)
            #expect(writer.write("late") == .closed)
            try client.send("GET /after HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "/after")
        }
    }

    @Test func writesFromManyThreadsAllArriveEachThreadInOrder() throws {
        let opened = TestSignal<HTTPStreamWriter>()
        try withServer(responder: streaming(opened)) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try client.readHead()
            let writer = try #require(opened.wait())
            let threads = 4, writes = 500
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for k in 0..<writes { writer.write("\(thread):\(k);") }
            }
            let expectedLength = (0..<threads).reduce(0) { total, thread in
                total + (0..<writes).reduce(0) { $0 + "\(thread):\($1);".utf8.count }
            }
            let text = try readChunks(client, count: expectedLength)
            for thread in 0..<threads {
                let sequence = text.split(separator: ";").filter { $0.hasPrefix("\(thread):") }.map { Int($0.split(separator: ":")[1])! }
                #expect(sequence == Array(0..<writes))
            }
        }
    }

    @Test func aStreamWhoseClientStopsReadingIsClosedOnOverflow() throws {
        let opened = TestSignal<HTTPStreamWriter>()
        try withServer({ $0.limits.outputBufferLimit = 64 * 1024 }, responder: streaming(opened)) { _, port in
            let client = try TestClient(port: port, receiveBuffer: 4096)
            try client.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try client.readHead()
            let writer = try #require(opened.wait())
            let closed = TestSignal<HTTPStreamCloseReason>()
            writer.onClose { closed.fire($0) }
            let chunk = [UInt8](repeating: UInt8(ascii: "e"), count: 8 * 1024)
            var result = HTTPStreamWriteResult.queued
            var written = 0
            // Bounded: the kernel buffers at most a few MiB before the limit must trip.
            while result == .queued && written < 256 * 1024 * 1024 {
                result = writer.write(chunk)
                written += chunk.count
            }
            #expect(result == .overflowed)
            #expect(closed.wait() == .outputBufferOverflow)
            #expect(writer.write(chunk) == .closed)
            #expect(!writer.isOpen)
            #expect(client.awaitClose())
        }
    }

    @Test func aStreamWhoseOutputIsAlwaysSentKeepsItsWholeBudget() throws {
        let opened = TestSignal<HTTPStreamWriter>()
        try withServer({ $0.limits.outputBufferLimit = 64 * 1024 }, responder: streaming(opened)) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try client.readHead()
            let writer = try #require(opened.wait())
            // Each write is read whole before the next, so at most one write (24 KiB) can still
            // count as unsent; a loop that forgot to report a drained output would leave every
            // write counted and refuse the third.
            let chunk = [UInt8](repeating: UInt8(ascii: "e"), count: 24 * 1024)
            for _ in 0..<8 {
                #expect(writer.write(chunk) == .queued)
                #expect(try readChunks(client, count: chunk.count).utf8.count == chunk.count)
            }
            #expect(writer.isOpen)
        }
    }

    @Test func aClientGoingAwayIsReportedToTheApplication() throws {
        let opened = TestSignal<HTTPStreamWriter>()
        try withServer(responder: streaming(opened)) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try client.readHead()
            let writer = try #require(opened.wait())
            let closed = TestSignal<HTTPStreamCloseReason>()
            writer.onClose { closed.fire($0) }
            client.close()
            #expect(closed.wait() == .clientDisconnected)
            // A handler registered after the end is told at once.
            let late = TestSignal<HTTPStreamCloseReason>()
            writer.onClose { late.fire($0) }
            #expect(late.wait(seconds: 0) == .clientDisconnected)
        }
    }

    @Test func http10ClientsGetACloseDelimitedStream() throws {
        let opened = TestSignal<HTTPStreamWriter>()
        try withServer(responder: streaming(opened)) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /stream HTTP/1.0\r\n\r\n")
            let head = try client.readHead()
            #expect(head.header("Transfer-Encoding") == nil)
            #expect(head.header("Connection") == "close")
            let writer = try #require(opened.wait())
            writer.write("raw bytes")
            writer.close()
            #expect(String(decoding: try client.readToEnd(), as: UTF8.self) == "raw bytes")
        }
    }

    @Test func headOfAStreamSendsOnlyTheHeadAndNeverOpens() throws {
        let opened = TestSignal<HTTPStreamWriter>()
        try withServer(responder: streaming(opened)) { _, port in
            let client = try TestClient(port: port)
            try client.send("HEAD /stream HTTP/1.1\r\nHost: a\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse(head: true).header("Transfer-Encoding") == "chunked")
            #expect(try client.readResponse().text == "/next")
            #expect(opened.wait(seconds: 0) == nil)
        }
    }

    @Test func shutdownEndsOpenStreamsCleanly() throws {
        let opened = TestSignal<HTTPStreamWriter>()
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.threads = 1
        let server = HTTPServer(configuration: configuration, responder: streaming(opened), logger: .init(label: "test"))
        let port = try server.start()
        let client = try TestClient(port: port)
        try client.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
        _ = try client.readHead()
        let writer = try #require(opened.wait())
        let closed = TestSignal<HTTPStreamCloseReason>()
        writer.onClose { closed.fire($0) }
        writer.write("last words")
        #expect(try readChunks(client, count: 10) == "last words")
        server.shutdown()
        #expect(closed.wait() == .serverShutdown)
        #expect(try client.readChunk() == nil)
        #expect(client.awaitClose())
        client.close()
        #expect(server.waitUntilStopped(timeout: .seconds(5)))
    }
}
