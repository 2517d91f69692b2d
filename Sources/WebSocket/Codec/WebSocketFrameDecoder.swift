/// An incremental frame decoder: bytes in, whole validated frames out, no I/O.
///
/// It enforces everything decidable per frame: masking for the role, RSV bits, opcodes,
/// control frame rules, minimal length encoding, and the order of fragments (a continuation
/// needs an unfinished message; a new message may not start inside one). A message's size,
/// summed over its fragments, is checked against `limits.maxMessageSize` from the header
/// alone, before its payload is buffered. Input is only ever stored as it arrives, so memory
/// grows with bytes received, never with a length the peer claims.
///
/// Non-minimal length encodings are refused (1002): RFC 6455 section 5.2 says "the minimal
/// number of bytes MUST be used", and accepting them buys nothing a real peer needs.
/// After the first violation every call throws the same error.
public struct WebSocketFrameDecoder: Sendable {
    /// Whose rules apply: a client refuses masked frames, a server unmasked ones.
    public let role: WebSocketRole
    /// The bounds on incoming messages.
    public let limits: WebSocketLimits

    /// Bytes received; those before `readIndex` are consumed and dropped on the next append.
    var buffer: [UInt8] = []
    /// Where the next frame starts in `buffer`.
    var readIndex = 0
    /// Payload bytes of the unfinished fragmented message so far, or nil between messages.
    var fragmentedBytes: Int?
    private var failure: WebSocketProtocolError?

    /// A decoder for the given role and limits.
    public init(role: WebSocketRole, limits: WebSocketLimits = WebSocketLimits()) {
        self.role = role
        self.limits = limits
    }

    /// Bytes received but not yet returned in a frame.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Whether a fragmented message has started and not yet finished.
    public var isInsideFragmentedMessage: Bool { fragmentedBytes != nil }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes from any byte sequence.
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil until more bytes arrive.
    ///
    /// Throws at the first byte that proves a violation, even if the rest of the frame has not
    /// arrived: decoding byte by byte gives the same frames and errors as decoding at once.
    public mutating func nextFrame() throws(WebSocketProtocolError) -> WebSocketFrame? {
        if let failure { throw failure }
        do {
            guard let header = try parseHeader() else { return nil }
            guard bufferedByteCount >= header.length + header.headerLength else { return nil }
            return takeFrame(header)
        } catch {
            failure = error
            throw error
        }
    }

    /// Drops consumed bytes so the buffer does not grow with the history of the connection.
    private mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex >= 4096, readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }

    /// Removes the frame `header` describes from the buffer, unmasking its payload.
    private mutating func takeFrame(_ header: FrameHeader) -> WebSocketFrame {
        let start = readIndex + header.headerLength
        var payload = Array(buffer[start..<(start + header.length)])
        readIndex = start + header.length
        if let key = header.maskingKey {
            payload.withUnsafeMutableBytes { WebSocketMasking.apply(key: key, to: $0) }
        }
        if !header.opcode.isControl {
            fragmentedBytes = header.fin ? nil : (fragmentedBytes ?? 0) + header.length
        }
        return WebSocketFrame(fin: header.fin, opcode: header.opcode, payload: payload)
    }
}
