import LiveState

/// One fixture line, parsed once, with the instant that places it in the merged timeline.
struct DemoRecord: Sendable {
    /// The file the line came from.
    let source: FeedSource
    /// The line as recorded.
    let raw: [UInt8]
    /// Nil when the line is not a JSON object; such a line is replayed byte for byte (and
    /// becomes a dead letter, which is what it would be live).
    let root: JSONObject?
    /// `content.updated` (else `data.timestamp`) for records, `updated_at` for consensus;
    /// nil when the line has none.
    let instant: Timestamp?

    /// Parses one line of `source`'s file.
    init(source: FeedSource, raw: [UInt8]) {
        self.source = source
        self.raw = raw
        var parser = JSONParser(knownKeys: FeedKeys.table)
        let root = (try? parser.parse(raw))?.objectValue
        self.root = root
        self.instant = root.flatMap { DemoRecord.instant(of: $0, source: source) }
    }

    private static func instant(of root: JSONObject, source: FeedSource) -> Timestamp? {
        guard let data = root["data"]?.objectValue else { return nil }
        if source == .consensus {
            guard let text = data["updated_at"]?.stringValue else { return nil }
            return Timestamp(rfc3339: text) ?? Timestamp(easternWallClock: text)
        }
        if case .number(let number)? = data["content"]?.objectValue?["updated"], let value = number.int64 {
            return Timestamp(epochSecondsOrMilliseconds: value)
        }
        return data["timestamp"]?.stringValue.flatMap { Timestamp(rfc3339: $0) }
    }
}
