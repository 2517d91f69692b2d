/// One `"key": value` pair of a `JSONObject`.
public struct JSONMember: Sendable, Equatable {
    /// The member name, escapes decoded.
    public var key: String
    /// `JSONKey.hash(of: key)`, computed by the parser.
    public var keyHash: UInt64
    /// The member's value.
    public var value: JSONValue

    /// A member; hashes `key`.
    public init(key: String, value: JSONValue) {
        self.key = key
        self.keyHash = JSONKey.hash(of: key)
        self.value = value
    }
}

/// The parser's initialiser.
extension JSONMember {
    /// Used by the parser, which has hashed the key already.
    init(key: String, keyHash: UInt64, value: JSONValue) {
        self.key = key
        self.keyHash = keyHash
        self.value = value
    }
}
