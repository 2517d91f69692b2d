/// A rendered JSON document with the version of what it describes; the version is the strong
/// ETag, so a reader can answer `If-None-Match` without touching the bytes.
public struct Document: Sendable {
    public let json: [UInt8]
    public let version: UInt64

    public init(json: [UInt8], version: UInt64) {
        self.json = json
        self.version = version
    }

    /// The strong entity tag, quoted as HTTP wants it: `"1a2b"` (the version in hexadecimal).
    public var etag: String { "\"" + String(version, radix: 16) + "\"" }
}
