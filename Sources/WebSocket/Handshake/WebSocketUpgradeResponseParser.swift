/// Reads the server's answer to the upgrade request incrementally, within a size bound, and
/// checks it: status 101, `Upgrade: websocket`, `Connection: upgrade`, the right
/// `Sec-WebSocket-Accept`, and no extension or subprotocol we did not offer.
///
/// Whatever follows the head's blank line is already WebSocket frames and is handed back.
/// Lines must end in CRLF (servers that speak WebSocket all do); obsolete line folding is
/// refused like any other malformed head.
public struct WebSocketUpgradeResponseParser: Sendable {
    /// The accept value the server must send (from `WebSocketHandshake.expectedAccept`).
    public let expectedAccept: String
    /// Longest response head accepted, blank line included.
    public let maxHeadLength: Int
    /// Most header fields accepted.
    public let maxHeaderCount: Int
    private var buffer: [UInt8] = []
    /// Where the search for the blank line resumes.
    private var scanned = 0

    /// A parser expecting `expectedAccept`, with bounds on the head.
    public init(expectedAccept: String, maxHeadLength: Int = 16 * 1024, maxHeaderCount: Int = 100) {
        self.expectedAccept = expectedAccept
        self.maxHeadLength = maxHeadLength
        self.maxHeaderCount = maxHeaderCount
    }

    /// Adds received bytes: nil while the head is incomplete, then the bytes after the head.
    ///
    /// Throws `upgradeRefused` for a well-formed non-101 status and `handshakeInvalid` for
    /// anything else wrong, including a head longer than `maxHeadLength`.
    public mutating func parse(_ bytes: some Collection<UInt8>) throws(WebSocketError) -> [UInt8]? {
        // Never hold more than the bound plus what one read brought.
        buffer.append(contentsOf: bytes)
        let terminator: [UInt8] = [13, 10, 13, 10]
        var index = max(0, scanned - 3)
        var end: Int?
        while index + 4 <= buffer.count {
            if buffer[index] == 13, buffer[index..<(index + 4)].elementsEqual(terminator) {
                end = index
                break
            }
            index += 1
        }
        scanned = buffer.count
        guard let end else {
            if buffer.count > maxHeadLength { throw .handshakeInvalid("response head longer than \(maxHeadLength) bytes") }
            return nil
        }
        guard end + 4 <= maxHeadLength else { throw .handshakeInvalid("response head longer than \(maxHeadLength) bytes") }
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        try check(head: head)
        return Array(buffer[(end + 4)...])
    }
}
