/// The consensus held for one ticker: the value (to tell a duplicate from a change) and its
/// rendered document.
struct ConsensusSlot: Sendable {
    var value: Consensus
    var document: Document
}
