/// A URL query string split into decoded name/value pairs (`+` is a space, `%XX` a byte).
struct SimQuery: Sendable, Equatable {
    /// The pairs in order; a name without `=` has an empty value.
    let items: [(name: String, value: String)]

    /// Parses `query` (the part after `?`, nil for none).
    init(_ query: String?) {
        items = (query ?? "").split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The first value named `name`.
    subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value named `name`, in order.
    func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    static func == (lhs: SimQuery, rhs: SimQuery) -> Bool {
        lhs.items.elementsEqual(rhs.items) { $0 == $1 }
    }

    /// Percent-decodes one component; a malformed escape is kept literally.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < utf8.count,
                      let value = UInt8(String(decoding: utf8[index + 1...index + 2], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
