import LiveState

/// One message demo mode feeds through the pipeline, as if it arrived on `source`.
public struct DemoMessage: Sendable, Equatable {
    public var source: FeedSource
    public var bytes: [UInt8]

    public init(source: FeedSource, bytes: [UInt8]) {
        self.source = source
        self.bytes = bytes
    }

    /// The bytes as text, for tests and logs.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
