/// A field's dotted path from the envelope (`data.content.ticker`), built only when a message
/// is refused so that decoding a good message concatenates no strings.
struct FieldPath: Sendable {
    /// The path of the object the fields belong to; empty for the envelope.
    let parent: String

    /// A path given in full (`data.content`).
    init(_ parent: String) {
        self.parent = parent
    }

    /// The path of one field of the object: `data.content` + `ticker`.
    func naming(_ key: JSONKey) -> String {
        parent.isEmpty ? key.name : parent + "." + key.name
    }
}
