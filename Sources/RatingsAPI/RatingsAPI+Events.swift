import HTTPServer
import LiveState

/// `GET /events`: a text/event-stream of every change (see `EventFanout`).
extension RatingsAPI {
    /// Validates the request, admits the stream under `--max-subscribers` and opens it.
    /// `HEAD` gets the stream's headers without taking a subscriber slot.
    func events(request: HTTPRequest) throws(APIProblem) -> HTTPResponse {
        guard let fanout = events else {
            throw APIProblem(.notFound, "This server does not stream events.")
        }
        let parsed = try EventStreamRequest(
            request, tickers: tickerSymbols, maxTickers: configuration.maxTickersPerRequest)
        if request.method == .head { return HTTPResponse(status: .ok, headers: headers.eventStream) }
        guard fanout.admit() else {
            var response = problemResponse(APIProblem(
                .serviceUnavailable,
                "\(fanout.configuration.maxSubscribers) event streams are open, the most this server takes; retry later."))
            response.headers.add(name: "Retry-After", value: String(fanout.configuration.retryAfterSeconds))
            return response
        }
        return .stream(headers: headers.eventStream) { writer in
            fanout.open(writer, request: parsed)
        }
    }
}
