extension WebSocketFrameDecoder {
    /// What a frame header says, once all of it (lengths and masking key) has arrived.
    struct FrameHeader {
        /// Whether the frame ends its message.
        var fin: Bool
        /// The frame's opcode.
        var opcode: WebSocketOpcode
        /// Payload bytes, as declared (already checked against the limits).
        var length: Int
        /// The masking key in wire order, for masked frames.
        var maskingKey: (UInt8, UInt8, UInt8, UInt8)?
        /// Bytes of header before the payload: 2-14.
        var headerLength: Int
    }

    /// The header at the read position, nil if incomplete; throws as soon as the bytes seen
    /// prove a violation, checking in wire order so any split of the input finds the same one.
    func parseHeader() throws(WebSocketProtocolError) -> FrameHeader? {
        let available = bufferedByteCount
        guard available >= 1 else { return nil }
        let first = buffer[readIndex]
        guard first & 0x70 == 0 else { throw .reservedBitsSet }
        guard let opcode = WebSocketOpcode(rawValue: first & 0x0F) else { throw .unknownOpcode(first & 0x0F) }
        let fin = first & 0x80 != 0
        if opcode.isControl, !fin { throw .fragmentedControlFrame }
        if opcode == .continuation, fragmentedBytes == nil { throw .unexpectedContinuation }
        if opcode == .text || opcode == .binary, fragmentedBytes != nil { throw .expectedContinuation }

        guard available >= 2 else { return nil }
        let second = buffer[readIndex + 1]
        let masked = second & 0x80 != 0
        if masked, !role.expectsMaskedIncoming { throw .maskedFrameFromServer }
        if !masked, role.expectsMaskedIncoming { throw .unmaskedFrameFromClient }
        let shortLength = Int(second & 0x7F)
        if opcode.isControl, shortLength > 125 { throw .controlFrameTooLong }

        var headerLength = 2
        var length = shortLength
        if shortLength == 126 {
            guard available >= 4 else { return nil }
            length = Int(buffer[readIndex + 2]) << 8 | Int(buffer[readIndex + 3])
            if length < 126 { throw .nonMinimalLength }
            headerLength = 4
        } else if shortLength == 127 {
            // The high bit is visible in the first length byte: refuse it before the rest.
            guard available >= 3 else { return nil }
            if buffer[readIndex + 2] & 0x80 != 0 { throw .lengthHighBitSet }
            guard available >= 10 else { return nil }
            var wide: UInt64 = 0
            for index in 2..<10 { wide = wide << 8 | UInt64(buffer[readIndex + index]) }
            if wide < 65536 { throw .nonMinimalLength }
            length = Int(wide)  // fits: the high bit is clear
            headerLength = 10
        }
        let soFar = opcode == .continuation ? fragmentedBytes ?? 0 : 0
        if length > limits.maxMessageSize - soFar { throw .messageTooBig(limit: limits.maxMessageSize) }

        var key: (UInt8, UInt8, UInt8, UInt8)?
        if masked {
            guard available >= headerLength + 4 else { return nil }
            let at = readIndex + headerLength
            key = (buffer[at], buffer[at + 1], buffer[at + 2], buffer[at + 3])
            headerLength += 4
        }
        return FrameHeader(fin: fin, opcode: opcode, length: length, maskingKey: key, headerLength: headerLength)
    }
}
