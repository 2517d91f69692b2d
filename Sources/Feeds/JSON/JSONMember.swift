/// One `"key": value` pair of a `JSONObject`.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    /// `JSONKey.hash(of: key)`, computed by the parser.
    public var keyHash: UInt64
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.keyHash = JSONKey.hash(of: key)
        self.value = value
    }
}

extension JSONMember {
    /// Used by the parser, which has hashed the key already.
    init(key: String, keyHash: UInt64, value: JSONValue) {
        self.key = key
        self.keyHash = keyHash
        self.value = value
    }
}
