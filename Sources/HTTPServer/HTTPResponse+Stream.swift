extension HTTPResponse {
    /// A long-lived response whose body the application writes later, from any thread.
    ///
    /// The server sends the head at once (`Transfer-Encoding: chunked` to HTTP/1.1 clients, so
    /// the connection is reusable after `close()`; close-delimited to HTTP/1.0 clients), then calls
    /// `onOpen` on the event loop thread with the writer. `onOpen` must not block. A `HEAD`
    /// request gets the head only and `onOpen` is never called; neither is it for a status
    /// that cannot carry a body (1xx, 204, 304).
    public static func stream(
        status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(),
        onOpen: @escaping @Sendable (HTTPStreamWriter) -> Void
    ) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: headers)
        response.onStreamOpen = onOpen
        return response
    }

    /// Whether this response streams its body through an `HTTPStreamWriter`.
    public var isStream: Bool { onStreamOpen != nil }
}
