/// A field's dotted path from the envelope (`data.content.ticker`), built only when a message
/// is refused so that decoding a good message concatenates no strings.
struct FieldPath: Sendable {
    let parent: String

    init(_ parent: String) {
        self.parent = parent
    }

    func naming(_ key: JSONKey) -> String {
        parent.isEmpty ? key.name : parent + "." + key.name
    }

    func child(_ key: JSONKey) -> FieldPath {
        FieldPath(naming(key))
    }
}
