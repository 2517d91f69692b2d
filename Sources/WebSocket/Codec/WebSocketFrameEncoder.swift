/// Encodes frames for one role: a client masks every frame with a fresh random key, a server
/// never masks.
///
/// It encodes what it is asked to, without policing control frame sizes or fragment order, so
/// a test peer (or the upstream simulator's fault injection) can produce exactly the frames it
/// wants; `WebSocketConnectionState` is what keeps our own traffic within the rules.
public struct WebSocketFrameEncoder: Sendable {
    /// Whose rules apply to outgoing frames.
    public let role: WebSocketRole
    /// Where masking keys come from; the system's random source unless a test injects one.
    private let maskingKeys: @Sendable () -> UInt32

    /// An encoder for `role`, drawing masking keys from the system random number generator
    /// (RFC 6455 section 5.3 requires them unpredictable).
    public init(role: WebSocketRole) {
        self.init(role: role, maskingKeys: {
            var generator = SystemRandomNumberGenerator()
            return generator.next()
        })
    }

    /// An encoder with a given masking key source (tests pin the key to compare wire bytes).
    public init(role: WebSocketRole, maskingKeys: @escaping @Sendable () -> UInt32) {
        self.role = role
        self.maskingKeys = maskingKeys
    }

    /// The wire bytes of one frame.
    public func encode(_ frame: WebSocketFrame) -> [UInt8] {
        frame.payload.withUnsafeBytes { encode(opcode: frame.opcode, payload: $0, fin: frame.fin) }
    }

    /// The wire bytes of a frame with this opcode and payload.
    public func encode(opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer, fin: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        encode(opcode: opcode, payload: payload, fin: fin, into: &output)
        return output
    }

    /// Appends the wire bytes of a frame to `output` (one allocation for many frames).
    public func encode(opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer, fin: Bool = true, into output: inout [UInt8]) {
        let count = payload.count
        let maskBit: UInt8 = role.masksOutgoing ? 0x80 : 0
        output.reserveCapacity(output.count + count + 14)
        output.append((fin ? 0x80 : 0) | opcode.rawValue)
        if count < 126 {
            output.append(maskBit | UInt8(count))
        } else if count <= 0xFFFF {
            output.append(maskBit | 126)
            output.append(UInt8(count >> 8))
            output.append(UInt8(count & 0xFF))
        } else {
            output.append(maskBit | 127)
            for shift in stride(from: 56, through: 0, by: -8) { output.append(UInt8(truncatingIfNeeded: count >> shift)) }
        }
        let payloadStart: Int
        if role.masksOutgoing {
            let key = WebSocketMasking.bytes(of: maskingKeys())
            output.append(key.0)
            output.append(key.1)
            output.append(key.2)
            output.append(key.3)
            payloadStart = output.count
            output.append(contentsOf: payload)
            output.withUnsafeMutableBytes { raw in
                WebSocketMasking.apply(key: key, to: UnsafeMutableRawBufferPointer(rebasing: raw[payloadStart...]))
            }
        } else {
            output.append(contentsOf: payload)
        }
    }
}
