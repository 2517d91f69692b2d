/// The single-writer side of the store, used by the feed pipeline (live feeds and demo mode
/// alike). Calls are made from one thread at a time; readers are never blocked for long.
public protocol StoreWriting: AnyObject, Sendable {
    /// Applies one decoded message and counts the outcome against its source. The message is
    /// consumed: a rating's twenty-odd strings move into what is stored instead of being copied.
    @discardableResult
    func apply(_ message: consuming FeedMessage, receivedAt: Timestamp) -> ApplyOutcome
    /// Keeps a message that could not be decoded or applied, and counts it.
    func recordDeadLetter(_ letter: DeadLetter)
    /// The ticker of a security the store already knows by ISIN (from ratings or insights),
    /// used to tie consensus messages that carry only an ISIN.
    func ticker(forISIN isin: String) -> String?
}
