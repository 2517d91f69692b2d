/// What `apply` did with one message.
public enum ApplyOutcome: Sendable, Equatable {
    /// The state changed; `sequence` is the store's change number after this change.
    case applied(sequence: UInt64)
    /// Already seen: the same envelope id, or the same record at the same version.
    case duplicate
    /// Older than the version held (by `updated`, then `timestamp`): ignored.
    case stale
    /// A delete of an id the store does not hold: a counted no-op.
    case unknownDelete
}
