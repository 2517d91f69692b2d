/// Why the server refused a request before any responder saw it (malformed, too large, too many
/// connections); it carries the status the client gets and a one-line detail for the body and logs.
public struct HTTPRejection: Error, Sendable, Equatable {
    public let status: HTTPStatus
    public let detail: String

    public init(status: HTTPStatus, detail: String) {
        self.status = status
        self.detail = detail
    }
}
