extension EventLoop {
    /// Sends a 101 head and hands the connection to the application: from here its input goes
    /// to the `HTTPUpgradedConnection` and its output comes from that connection's writer.
    func startUpgrade(_ connection: Connection, response: HTTPResponse) {
        let out = outputBuffer(for: connection)
        guard ResponseEncoder.appendHead(status: response.status, headers: response.headers, framing: .upgrade, keepAlive: true, http10Client: false, date: date.line, to: out) else {
            encode(HTTPResponse(status: .internalServerError), framing: .length(0), keepAlive: false, http10: false, withBody: false, for: connection)
            connection.lifecycle.closeAfterOutput()
            return
        }
        let writer = HTTPStreamWriter(mailbox: mailbox, connection: connection.id, limit: limits.outputBufferLimit)
        let upgraded = HTTPUpgradedConnection(writer: writer)
        connection.stream = Connection.ActiveStream(writer: writer, chunked: false, keepAlive: false)
        connection.upgraded = upgraded
        connection.lifecycle.streamStarted()
        response.onUpgrade?(upgraded)
    }

    /// Gives `readBuffer[0..<count]` to the upgraded connection's handler; closes the connection
    /// if the peer finished sending. Returns false once the connection is closed.
    func deliver(_ count: Int, to upgraded: HTTPUpgradedConnection, on connection: Connection) -> Bool {
        if count > 0 { upgraded.deliver(Array(UnsafeRawBufferPointer(start: readBuffer, count: count))) }
        guard connection.peerClosed else { return connection.socket.isOpen }
        close(connection, streamReason: .clientDisconnected, why: "client closed an upgraded connection")
        return false
    }
}
