extension WebSocketUpgradeResponseParser {
    /// Validates a complete head (without its blank line).
    func check(head: String) throws(WebSocketError) {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let (status, reason) = try Self.statusLine(lines[0])
        guard lines.count - 1 <= maxHeaderCount else { throw .handshakeInvalid("more than \(maxHeaderCount) header fields") }
        var fields: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), HTTPFieldRules.isToken(String(line[..<colon])) else {
                throw .handshakeInvalid("malformed header line")
            }
            fields.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingASCIISpaces()))
        }
        guard status == 101 else { throw .upgradeRefused(status: status, reason: reason) }
        /// Every value of the (lowercased) field `name`, in order.
        func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
        guard values("upgrade").contains(where: { HTTPFieldRules.list($0, contains: "websocket") }) else {
            throw .handshakeInvalid("missing Upgrade: websocket")
        }
        guard values("connection").contains(where: { HTTPFieldRules.list($0, contains: "upgrade") }) else {
            throw .handshakeInvalid("missing Connection: upgrade")
        }
        let accepts = values("sec-websocket-accept")
        guard accepts.count == 1 else { throw .handshakeInvalid("expected one Sec-WebSocket-Accept, got \(accepts.count)") }
        guard accepts[0] == expectedAccept else { throw .handshakeInvalid("wrong Sec-WebSocket-Accept") }
        // We offered neither; RFC 6455 section 4.1 says fail if the server picks one.
        guard values("sec-websocket-extensions").allSatisfy(\.isEmpty) else { throw .handshakeInvalid("unrequested extension") }
        guard values("sec-websocket-protocol").allSatisfy(\.isEmpty) else { throw .handshakeInvalid("unrequested subprotocol") }
    }

    /// Parses `HTTP/1.x SP 3DIGIT [SP reason]`; the reason comes back cleaned for logs.
    static func statusLine(_ line: Substring) throws(WebSocketError) -> (Int, String) {
        let bytes = Array(line.utf8)
        guard bytes.count >= 12, bytes.starts(with: Array("HTTP/1.".utf8)),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[7]), bytes[8] == UInt8(ascii: " "),
              bytes[9..<12].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              bytes.count == 12 || bytes[12] == UInt8(ascii: " ")
        else { throw .handshakeInvalid("malformed status line") }
        let status = bytes[9..<12].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let reason = bytes.count > 13 ? bytes[13...].prefix(100).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") } : []
        return (status, String(decoding: reason, as: UTF8.self))
    }
}
