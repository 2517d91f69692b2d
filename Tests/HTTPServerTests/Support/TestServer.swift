import Dispatch
import Glibc
import HTTPServer
import Logging
import Synchronization
import Testing

/// The responder integration tests run against: a few fixed routes, plus a hook for streams.
///
/// - `/big?n` answers `n` bytes of `x`; `/echo` describes the request; `/stream` streams via
///   `onStream`; `/upgrade` switches protocols and hands the connection to `onUpgrade`; anything else answers its own target as the body.
struct TestResponder: HTTPResponder {
    var onStream: (@Sendable (HTTPStreamWriter) -> Void)?
    var onUpgrade: (@Sendable (HTTPUpgradedConnection) -> Void)?

    func respond(to request: HTTPRequest) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain")
        switch request.path {
        case "/big":
            let count = Int(request.query ?? "") ?? 1_000_000
            return HTTPResponse(status: .ok, headers: headers, body: [UInt8](repeating: UInt8(ascii: "x"), count: count))
        case "/echo":
            let text = "\(request.method) \(request.target) \(request.version) host=\(request.headers["host"] ?? "-") body=\(String(decoding: request.body, as: UTF8.self))"
            return HTTPResponse(status: .ok, headers: headers, body: Array(text.utf8))
        case "/stream":
            guard let onStream else { return HTTPResponse(status: .notFound) }
            return .stream(headers: ["Content-Type": "text/event-stream"], onOpen: onStream)
        case "/upgrade":
            guard let onUpgrade else { return HTTPResponse(status: .notFound) }
            return .upgrade(headers: ["Upgrade": "test-protocol", "Content-Length": "99"], onUpgrade: onUpgrade)
        default:
            return HTTPResponse(status: .ok, headers: headers, body: Array(request.target.utf8))
        }
    }
}

/// A one-shot signal a test thread can wait on with a timeout (no sleeping).
final class TestSignal<Value: Sendable>: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let stored = Mutex<Value?>(nil)

    func fire(_ value: Value) {
        stored.withLock { $0 = value }
        semaphore.signal()
    }

    /// The fired value, or nil if nothing fired within `seconds`.
    func wait(seconds: Double = 5) -> Value? {
        guard semaphore.wait(timeout: .now() + seconds) == .success else { return nil }
        return stored.withLock { $0 }
    }
}

/// Runs `body` against a server started on an ephemeral loopback port, then shuts it down and
/// checks that it stopped within ten seconds.
func withServer(
    _ adjust: (inout HTTPServerConfiguration) -> Void = { _ in },
    responder: TestResponder = TestResponder(),
    _ body: (HTTPServer, Int) throws -> Void
) throws {
    var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
    configuration.threads = 2
    adjust(&configuration)
    var logger = Logger(label: "HTTPServerTests")
    logger.logLevel = .warning
    let server = HTTPServer(configuration: configuration, responder: responder, logger: logger)
    let port = try server.start()
    defer {
        server.shutdown()
        #expect(server.waitUntilStopped(timeout: .seconds(10)))
    }
    try body(server, port)
}

/// Polls `condition` every millisecond for up to `seconds`; true once it holds. For state only
/// observable by polling (connection counts), never as a sleep in disguise.
func waitUntil(seconds: Double = 5, _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        usleep(1_000)
    }
    return condition()
}
