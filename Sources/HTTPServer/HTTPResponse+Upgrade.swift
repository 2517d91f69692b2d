extension HTTPResponse {
    /// A `101 Switching Protocols` answer after which the application owns the connection.
    ///
    /// The server writes the 101 head with `headers` and `Connection: Upgrade` (its own
    /// `Date` and `Server` too; `Content-Length`, `Transfer-Encoding` and `Connection` from
    /// `headers` are dropped), then calls `onUpgrade` on the event loop thread with the
    /// connection's byte channel. From then on the HTTP parser never sees the connection again.
    /// The responder checks the request (for WebSocket: `WebSocketServerHandshake`) before
    /// returning this. A `HEAD` request gets a bare 101 head and `onUpgrade` is never called.
    public static func upgrade(
        headers: HTTPHeaders = HTTPHeaders(),
        onUpgrade: @escaping @Sendable (HTTPUpgradedConnection) -> Void
    ) -> HTTPResponse {
        var response = HTTPResponse(status: .switchingProtocols, headers: headers)
        response.onUpgrade = onUpgrade
        return response
    }

    /// Whether this response hands the connection over to the application.
    public var isUpgrade: Bool { onUpgrade != nil }
}
