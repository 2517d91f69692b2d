/// Header fields checked and rendered once (`Name: value\r\n` each, server-owned fields left
/// out), for a list sent with many responses (see `HTTPHeaders.prepared()`).
final class PreparedHeaderBlock: Sendable {
    /// The rendered fields.
    let bytes: [UInt8]
    /// How many leading fields of the list the bytes stand for.
    let fieldCount: Int

    /// The rendering of `fields`, or nil if one of them cannot be sent.
    init?(_ fields: [HTTPHeaders.Field]) {
        let out = ByteBuffer()
        for field in fields {
            guard ResponseEncoder.appendField(field, to: out) else { return nil }
        }
        bytes = Array(UnsafeRawBufferPointer(start: out.count > 0 ? out.readPointer : nil, count: out.count))
        fieldCount = fields.count
    }
}
