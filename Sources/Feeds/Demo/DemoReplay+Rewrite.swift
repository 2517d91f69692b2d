import LiveState

/// How a fixture line is made new for a replay loop, keeping its shape: the same members in
/// the same order and the same types (a string `updated` stays a string, milliseconds stay
/// milliseconds, an Eastern wall-clock `updated_at` stays one).
extension DemoReplay {
    /// The line of `record` as loop `loop` sends it at `now`.
    mutating func rewrite(_ record: DemoRecord, now: Timestamp) -> [UInt8] {
        guard var root = record.root else { return record.raw }
        let originalEnvelope = root["id"]?.stringValue
        let fresh = originalEnvelope.flatMap { envelopeIDs[$0] } ?? random.uuid()
        if let originalEnvelope { envelopeIDs[originalEnvelope] = fresh }
        root.replaceValue(of: "id", with: .string(fresh))
        if case .object(var data)? = root["data"] {
            if record.source == .consensus {
                rewriteConsensus(&data, now: now)
            } else {
                rewriteRecord(&data, source: record.source, now: now)
            }
            root.replaceValue(of: "data", with: .object(data))
        }
        return JSONValue.object(root).jsonBytes
    }

    private mutating func rewriteRecord(_ data: inout JSONObject, source: FeedSource, now: Timestamp) {
        let seconds = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch / 1000 * 1000)
        let recordKey = source.rawValue + ":" + (data["id"]?.stringValue ?? "")
        suffix(&data, "id")
        if data["timestamp"] != nil { data.replaceValue(of: "timestamp", with: .string(seconds.rfc3339)) }
        guard case .object(var content)? = data["content"] else { return }
        suffix(&content, "id")
        suffix(&content, "rating_id")
        let wall = EasternWallClock(now)
        if content["date"]?.stringValue != nil { content.replaceValue(of: "date", with: .string(wall.date)) }
        if source == .ratings, content["time"]?.stringValue != nil {
            content.replaceValue(of: "time", with: .string(wall.time))
        }
        if let updated = content["updated"], let fresh = freshUpdated(updated, recordKey: recordKey, now: now) {
            content.replaceValue(of: "updated", with: fresh)
        }
        data.replaceValue(of: "content", with: .object(content))
    }

    private func rewriteConsensus(_ data: inout JSONObject, now: Timestamp) {
        guard let original = data["updated_at"]?.stringValue else { return }
        let seconds = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch / 1000 * 1000)
        let text = Timestamp(rfc3339: original) != nil ? seconds.rfc3339 : EasternWallClock(now).text
        data.replaceValue(of: "updated_at", with: .string(text))
    }

    /// `<id>-r<loop>` for a string id; other values are left alone.
    private func suffix(_ object: inout JSONObject, _ name: String) {
        guard let id = object[name]?.stringValue else { return }
        object.replaceValue(of: name, with: .string(id + "-r\(loop)"))
    }

    /// `now` in the unit and type of the original `updated`, strictly after the last value this
    /// loop gave the same record.
    private mutating func freshUpdated(_ original: JSONValue, recordKey: String, now: Timestamp) -> JSONValue? {
        let literal: String
        switch original {
        case .number(let number): literal = number.literal
        case .string(let string): literal = string
        default: return nil
        }
        guard let value = Int64(literal) else { return nil }
        let milliseconds = value > 100_000_000_000
        let step: Int64 = milliseconds ? 1 : 1000
        var candidate = milliseconds ? now.millisecondsSinceEpoch : now.millisecondsSinceEpoch / 1000 * 1000
        if let last = lastUpdated[recordKey], candidate <= last { candidate = last + step }
        lastUpdated[recordKey] = candidate
        let number = milliseconds ? candidate : candidate / 1000
        if case .string = original { return .string(String(number)) }
        return .number(JSONNumber(number))
    }
}
