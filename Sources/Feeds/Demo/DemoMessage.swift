import LiveState

/// One message demo mode feeds through the pipeline, as if it arrived on `source`.
public struct DemoMessage: Sendable, Equatable {
    /// The stream the message pretends to arrive on.
    public var source: FeedSource
    /// The message, one JSON document.
    public var bytes: [UInt8]

    /// A message for `source`.
    public init(source: FeedSource, bytes: [UInt8]) {
        self.source = source
        self.bytes = bytes
    }

    /// The bytes as text, for tests and logs.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
