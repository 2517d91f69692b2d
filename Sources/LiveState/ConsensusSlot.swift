/// The consensus held for one ticker: the value (to tell a duplicate from a change) and its
/// rendered document.
struct ConsensusSlot: Sendable {
    /// The consensus as received.
    var value: Consensus
    /// Its rendered document, versioned by the change that applied it.
    var document: Document
}
