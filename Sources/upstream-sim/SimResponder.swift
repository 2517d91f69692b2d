import HTTPServer
import Logging
import Synchronization
import WebSocket

/// Answers the three stream paths with a WebSocket upgrade (after checking `token` and any
/// `status:` fault) and everything else with 404; never logs the token.
final class SimResponder: HTTPResponder {
    let token: String
    let channels: [SimFeed: SimChannel]
    /// Faults every connection gets; the URL's `fault` parameters add to them.
    let defaultFaults: SimFaults
    let settings: SimSettings
    let logger: Logger
    /// Numbers connections for logs.
    let counter = Atomic<Int>(0)

    /// A responder checking `token`, serving `channels`.
    init(token: String, channels: [SimFeed: SimChannel], defaultFaults: SimFaults, settings: SimSettings, logger: Logger) {
        self.token = token
        self.channels = channels
        self.defaultFaults = defaultFaults
        self.settings = settings
        self.logger = logger
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard let feed = SimFeed(path: request.path), let channel = channels[feed] else {
            return Self.text(.notFound, "no stream at \(request.path)")
        }
        guard request.method == .get else { return Self.text(.methodNotAllowed, "streams are opened with GET") }
        let number = counter.add(1, ordering: .relaxed).newValue
        var logger = logger
        logger[metadataKey: "connection"] = "\(number)"
        logger[metadataKey: "path"] = "\(feed.path)"
        let query = SimQuery(request.query)
        let faults: SimFaults
        do throws(SimFaults.ParseError) {
            faults = try SimFaults(query.values("fault"), over: defaultFaults)
        } catch {
            logger.notice("refused: bad fault parameter", metadata: ["error": "\(error)"])
            return Self.text(.badRequest, error.description)
        }
        guard let given = query["token"], given == token else {
            logger.notice("refused: 401", metadata: ["reason": query["token"] == nil ? "no token" : "wrong token"])
            return Self.text(.unauthorized, "invalid or missing token")
        }
        if let status = faults.upgradeStatus {
            logger.notice("fault: refusing the upgrade", metadata: ["status": "\(status)"])
            return status == 429 ? Self.text(.tooManyRequests, "too many connections for this token") : Self.text(.unauthorized, "invalid or missing token")
        }
        do throws(WebSocketServerHandshake.Rejection) {
            _ = try WebSocketServerHandshake.response(to: request.headers.fields)
        } catch {
            logger.notice("refused: not a WebSocket upgrade", metadata: ["error": "\(error)"])
            var response = Self.text(HTTPStatus(code: error.status, reasonPhrase: error.status == 426 ? "Upgrade Required" : "Bad Request"), error.reason)
            for header in error.headers { response.headers.add(name: header.name, value: header.value) }
            return response
        }
        let filter = SimTickerFilter(query["tickers"])
        var headers = HTTPHeaders()
        headers.add(name: "Upgrade", value: "websocket")
        headers.add(name: "Sec-WebSocket-Accept", value: WebSocketHandshake.accept(forKey: (request.headers["sec-websocket-key"] ?? "").trimmingSpaces()))
        let settings = self.settings
        let connectionLogger = logger
        let baseLogger = self.logger
        return .upgrade(headers: headers) { upgraded in
            let connection = SimConnection(number: number, feed: feed, filter: filter, faults: faults, settings: settings, upgraded: upgraded, logger: baseLogger)
            upgraded.onReceive { bytes in connection.receive(bytes, recent: channel.recent) }
            upgraded.onClose { reason in
                channel.detach(connection)
                connectionLogger.info("connection closed", metadata: ["reason": "\(reason)"])
            }
            connectionLogger.info("connection opened", metadata: [
                "tickers": "\(filter.tickers.isEmpty ? "all" : filter.tickers.sorted().joined(separator: ","))",
                "faults": "\(faults.summary)",
            ])
            channel.attach(connection)
        }
    }

    private static func text(_ status: HTTPStatus, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array((text + "\n").utf8))
    }
}
