/// Which of the two record tables a change addresses.
enum RecordKind: Sendable {
    case rating
    case insight
}
