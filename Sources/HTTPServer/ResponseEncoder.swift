/// Serialises response heads straight into a connection's output buffer.
///
/// The server owns framing and connection management: the application's `Content-Length`,
/// `Transfer-Encoding`, `Connection`, `Date` and `Server` fields are dropped and the server's
/// own written instead. A field whose name is not a token or whose value holds CR, LF or another
/// control character would let a response smuggle headers, so such a head is refused whole.
enum ResponseEncoder {
    /// How the body that follows the head is delimited.
    enum Framing: Equatable {
        /// No body at all (HEAD-less 1xx, 204, 304): no length field either.
        case none
        /// `Content-Length: n` (sent for HEAD too, without the body).
        case length(Int)
        /// `Transfer-Encoding: chunked`: a stream to an HTTP/1.1 client.
        case chunked
        /// The body ends when the connection closes: a stream to an HTTP/1.0 client.
        case closeDelimited
        /// A `101 Switching Protocols` head: no body framing, `Connection: Upgrade`.
        case upgrade
    }

    /// Whether a response with `status` may carry a body (RFC 9110 6.4.1).
    @inline(__always)
    static func allowsBody(_ status: HTTPStatus) -> Bool {
        status.code >= 200 && status.code != 204 && status.code != 304
    }

    /// Appends the status line and fields; returns false (leaving `out` as it was) if the
    /// status or an application field cannot be sent safely.
    static func appendHead(
        status: HTTPStatus, headers: HTTPHeaders, framing: Framing, keepAlive: Bool,
        http10Client: Bool, date: [UInt8], to out: ByteBuffer
    ) -> Bool {
        let mark = out.writeIndex
        guard status.code >= 100 && status.code <= 999 else { return false }
        out.append("HTTP/1.1 ")
        out.append(decimal: status.code)
        out.append(byte: 0x20)
        guard appendChecked(status.reasonPhrase, isName: false, to: out) else { out.truncate(to: mark); return false }
        out.append("\r\n")
        var start = 0
        if let block = headers.block {
            out.append(block.bytes)
            start = block.fieldCount
        }
        guard headers.allSatisfy(from: start, { appendField($0, to: out) }) else { out.truncate(to: mark); return false }
        switch framing {
        case .none, .closeDelimited, .upgrade: break
        case .length(let count):
            out.append("Content-Length: ")
            out.append(decimal: count)
            out.append("\r\n")
        case .chunked:
            out.append("Transfer-Encoding: chunked\r\n")
        }
        out.append(date)
        if framing == .upgrade {
            out.append("Server: ratingsd\r\nConnection: Upgrade\r\n\r\n")
        } else if !keepAlive {
            out.append("Server: ratingsd\r\nConnection: close\r\n\r\n")
        } else if http10Client {
            out.append("Server: ratingsd\r\nConnection: keep-alive\r\n\r\n")
        } else {
            out.append("Server: ratingsd\r\n\r\n")
        }
        return true
    }

    /// Appends `Name: value\r\n` (nothing for a field the server writes itself); false, with
    /// `out` partly written, if the name is not a token or the value holds a control character.
    @inline(__always)
    static func appendField(_ field: HTTPHeaders.Field, to out: ByteBuffer) -> Bool {
        guard !isServerOwned(field.name) else { return true }
        guard appendChecked(field.name, isName: true, to: out) else { return false }
        out.append(": ")
        guard appendChecked(field.value, isName: false, to: out) else { return false }
        out.append("\r\n")
        return true
    }

    /// Appends one chunk of a chunked body: size in hex, CRLF, data, CRLF.
    static func appendChunk(_ bytes: [UInt8], to out: ByteBuffer) {
        guard !bytes.isEmpty else { return }
        out.append(hexadecimal: bytes.count)
        out.append("\r\n")
        out.append(bytes)
        out.append("\r\n")
    }

    /// Copies a name or value, checking each byte: a name must be a non-empty token; a value may
    /// hold HTAB, SP, visible ASCII and bytes above 0x7F, nothing else.
    @inline(__always)
    private static func appendChecked(_ string: String, isName: Bool, to out: ByteBuffer) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            let classes = HTTPByteClass.table
            let required = isName ? HTTPByteClass.token : HTTPByteClass.fieldValue
            for byte in bytes where classes[Int(byte)] & required == 0 { return false }
            if isName && bytes.isEmpty { return false }
            if let base = bytes.baseAddress { out.append(base, count: bytes.count) }
            return true
        }
    }

    /// Whether the server writes this field itself.
    @inline(__always)
    private static func isServerOwned(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            switch bytes.count {
            case 4: return HTTPByteClass.equalsLowercased(base, count: 4, "date")
            case 6: return HTTPByteClass.equalsLowercased(base, count: 6, "server")
            case 10: return HTTPByteClass.equalsLowercased(base, count: 10, "connection")
            case 14: return HTTPByteClass.equalsLowercased(base, count: 14, "content-length")
            case 17: return HTTPByteClass.equalsLowercased(base, count: 17, "transfer-encoding")
            default: return false
            }
        }
    }
}
