/// What the server calls for every complete request. Both methods run synchronously on an event
/// loop thread: they must not block, sleep or hop to another task.
public protocol HTTPResponder: Sendable {
    /// The response to a well-formed request.
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// The response to a request refused by the server itself; the connection closes after it.
    func respond(toRejected rejection: HTTPRejection) -> HTTPResponse
}

extension HTTPResponder {
    /// A plain-text body naming the status and the detail.
    public func respond(toRejected rejection: HTTPRejection) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        return HTTPResponse(
            status: rejection.status, headers: headers,
            body: Array("\(rejection.status.code) \(rejection.status.reasonPhrase): \(rejection.detail)\n".utf8))
    }
}
