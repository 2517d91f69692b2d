/// One applied change as the event log holds it and `GET /events` sends it, encoded once.
///
/// The wire form is `head`, then `body`, then `EventStreamEncoder.terminator`: `head` is
/// `id: N\nevent: kind\ndata: ` and `body` the document the JSON endpoints serve, the very bytes
/// the store rendered (shared, not copied). A body holding a line break, which JSONWriter never
/// produces, is encoded whole into `head` (split into several `data:` lines) and `body` is empty.
public struct StoreEvent: Sendable {
    /// The store's sequence after the change: monotonic, one per applied change, from 1.
    public let sequence: UInt64
    /// What happened.
    public let kind: StoreEventKind
    /// The upper-cased ticker the change concerns.
    public let ticker: String
    /// A rating's importance (0-5); nil for everything else.
    public let importance: Int?
    /// The event's fields up to and including `data: `.
    public let head: [UInt8]
    /// The JSON document (one line).
    public let body: [UInt8]

    /// An event of `kind` for `ticker` carrying `document`; falls back to the general encoder
    /// when the document is not one line.
    public init(sequence: UInt64, kind: StoreEventKind, ticker: String, importance: Int?, document: [UInt8]) {
        self.sequence = sequence
        self.kind = kind
        self.ticker = ticker
        self.importance = importance
        if EventStreamEncoder.isSingleLine(document) {
            head = EventStreamEncoder.head(id: sequence, event: kind.rawValue)
            body = document
        } else {
            var whole: [UInt8] = []
            EventStreamEncoder.appendEvent(id: String(sequence), event: kind.rawValue, data: document, to: &whole)
            whole.removeLast(EventStreamEncoder.terminator.count)
            head = whole
            body = []
        }
    }

    /// Bytes on the wire.
    public var encodedCount: Int { head.count + body.count + EventStreamEncoder.terminator.count }

    /// Appends the whole event to `output`.
    @inline(__always)
    public func append(to output: inout [UInt8]) {
        output.append(contentsOf: head)
        output.append(contentsOf: body)
        output.append(contentsOf: EventStreamEncoder.terminator)
    }
}
