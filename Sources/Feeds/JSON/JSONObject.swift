/// A JSON object as its members in document order.
public struct JSONObject: Sendable, Equatable {
    /// The members as they appeared, duplicates included.
    public var members: [JSONMember]

    /// An object of `members`.
    public init(members: [JSONMember] = []) {
        self.members = members
    }

    /// What a lookup found: nothing, one value, or the key more than once (which a reader must
    /// refuse rather than pick one: proxies and parsers disagree on which duplicate wins).
    public enum Lookup: Sendable, Equatable {
        /// No member has the name.
        case absent
        /// Exactly one member has it.
        case found(JSONValue)
        /// More than one member has it.
        case duplicated
    }

    /// Finds the member named `key`, scanning every member so duplicates are noticed.
    public func lookup(_ key: JSONKey) -> Lookup {
        // Indices, not `for member in members`: copying each member out would retain and
        // release its key and value on every probe of every lookup.
        var found = -1
        for index in members.indices where members[index].keyHash == key.hash && members[index].key == key.name {
            if found >= 0 { return .duplicated }
            found = index
        }
        return found < 0 ? .absent : .found(members[found].value)
    }

    /// The first member named `name`, for callers that do not care about duplicates.
    public subscript(name: String) -> JSONValue? {
        members.first { $0.key == name }?.value
    }

    /// Replaces the value of every member named `name`; returns whether there was one.
    @discardableResult
    public mutating func replaceValue(of name: String, with value: JSONValue) -> Bool {
        var replaced = false
        for index in members.indices where members[index].key == name {
            members[index].value = value
            replaced = true
        }
        return replaced
    }
}
