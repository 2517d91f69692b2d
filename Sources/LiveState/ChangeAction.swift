/// What an upstream message does to the record it names (`data.action`, in any letter case).
public enum ChangeAction: String, Sendable, Hashable {
    case created
    case updated
    case deleted

    /// Parses `created`, `Created`, `CREATED` and so on; nil for anything else.
    public init?(lenient text: String) {
        switch text.lowercased() {
        case "created": self = .created
        case "updated": self = .updated
        case "deleted": self = .deleted
        default: return nil
        }
    }
}
