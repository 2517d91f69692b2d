/// The few HTTP field rules the handshake needs: token lists and what may appear in a field.
enum HTTPFieldRules {
    /// Whether a comma-separated header value holds `token`, compared without case
    /// (`Connection: keep-alive, Upgrade` holds "upgrade").
    static func list(_ value: String, contains token: String) -> Bool {
        value.split(separator: ",").contains { element in
            element.trimmingASCIISpaces().lowercased() == token
        }
    }

    /// Whether `name` is an RFC 9110 token (what a header name must be).
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }

    /// Whether `value` is safe to put in a field: visible ASCII, space and tab only, so no
    /// CR/LF can split the request and no NUL or DEL can confuse a peer.
    static func isSafeValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 < 0x7F) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace).
    func trimmingASCIISpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
