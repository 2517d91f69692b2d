/// An ordered list of header fields; lookups ignore the letter case of names.
///
/// A list built once and sent with many responses can be `prepared()`: its fields are checked
/// and rendered to bytes once, and the encoder copies those bytes instead of checking every
/// field per response. Up to two fields added to a prepared list (an `ETag`, a `Link`) are kept
/// inline, so adding them neither copies the shared list nor allocates.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// One field: its name and value as given.
    public typealias Field = (name: String, value: String)

    /// The fields, except those kept inline.
    private var list: [Field]
    /// Fields added after `prepared()`, in order (`second` only with `first`).
    private var first: Field?
    private var second: Field?
    /// `list`'s leading fields as the encoder would write them; nil unless prepared.
    private(set) var block: PreparedHeaderBlock?

    public init() { list = [] }

    /// An empty list with room for `minimumCapacity` fields, so filling it allocates once.
    init(minimumCapacity: Int) {
        list = []
        list.reserveCapacity(minimumCapacity)
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        list = elements.map { (name: $0.0, value: $0.1) }
    }

    /// Every field, in order.
    public var fields: [Field] { Array(self) }

    /// Empties the list; its storage is kept when nothing else shares it, so the event loop can
    /// refill it for the next request without allocating.
    mutating func removeAll() {
        list.removeAll(keepingCapacity: true)
        (first, second, block) = (nil, nil, nil)
    }

    /// The first value of the named field, or nil.
    public subscript(name: String) -> String? {
        for field in self where field.name.caseInsensitiveEquals(name) { return field.value }
        return nil
    }

    /// Every value of the named field, in order.
    public func values(for name: String) -> [String] {
        filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// Appends a field, keeping any earlier one of the same name.
    public mutating func add(name: String, value: String) {
        if block != nil {
            if first == nil { first = (name, value); return }
            if second == nil { second = (name, value); return }
        }
        moveInlineFieldsToList()
        list.append((name: name, value: value))
    }

    /// Replaces every field of that name with one field.
    public mutating func replaceOrAdd(name: String, value: String) {
        moveInlineFieldsToList()
        block = nil
        list.removeAll { $0.name.caseInsensitiveEquals(name) }
        list.append((name: name, value: value))
    }

    /// The fields in order: the list, then the inline ones.
    public func makeIterator() -> Iterator {
        Iterator(headers: self, position: 0)
    }

    /// Calls `body` on every field from position `start` on, in order, until it returns false;
    /// false if it did. Allocates nothing.
    @inline(__always)
    func allSatisfy(from start: Int, _ body: (Field) -> Bool) -> Bool {
        var index = start
        while index < list.count {
            guard body(list[index]) else { return false }
            index += 1
        }
        if let first { guard body(first) else { return false } }
        if let second { guard body(second) else { return false } }
        return true
    }

    /// Walks the list, then the inline fields.
    public struct Iterator: IteratorProtocol {
        let headers: HTTPHeaders
        var position: Int

        public mutating func next() -> Field? {
            defer { position += 1 }
            let count = headers.list.count
            if position < count { return headers.list[position] }
            if position == count, let first = headers.first { return first }
            if position == count + 1, let second = headers.second { return second }
            return nil
        }
    }

    /// Gives the list the inline fields (after a third field was added to a prepared list);
    /// the prepared block still covers the list's leading fields.
    private mutating func moveInlineFieldsToList() {
        if let first { list.append(first) }
        if let second { list.append(second) }
        (first, second) = (nil, nil)
    }

    /// This list with its fields checked and rendered once; unchanged when a field cannot be
    /// sent (the encoder refuses such a head whole, prepared or not).
    public func prepared() -> HTTPHeaders {
        var copy = self
        copy.moveInlineFieldsToList()
        copy.block = PreparedHeaderBlock(copy.list)
        return copy.block == nil ? self : copy
    }
}

extension String {
    /// ASCII case-insensitive equality, as header names and tokens need (no Unicode folding).
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
            let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
            if lx != ly { return false }
        }
        return true
    }
}
