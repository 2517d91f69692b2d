/// A response a responder returns; the server adds `Date`, `Content-Length` and `Connection`.
///
/// The body is ready bytes: `[UInt8]` is copy-on-write, so handing out a pre-rendered
/// document costs a reference count, not a copy. A streamed response (`stream(status:headers:
/// onOpen:)`) has no body here: its bytes come later through an `HTTPStreamWriter`.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Set for a streamed response: called on the event loop thread once the head is queued.
    public var onStreamOpen: (@Sendable (HTTPStreamWriter) -> Void)?
    /// Set for a protocol upgrade (`upgrade(headers:onUpgrade:)`): called on the event loop
    /// thread once the 101 head is queued, with the connection's new owner.
    public var onUpgrade: (@Sendable (HTTPUpgradedConnection) -> Void)?

    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
        self.onStreamOpen = nil
        self.onUpgrade = nil
    }
}
