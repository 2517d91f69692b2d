/// The faults one connection gets, from `--fault` flags and the URL's `fault` parameters.
///
/// Syntax (comma-separated, repeatable): `drop:N` closes the TCP connection without a close
/// frame once N live data messages were sent (a `replay`'s messages do not count); `fragment` sends every data message as three frames
/// with a ping between them; `malformed:N`, `oversized:N` and `non-utf8:N` send, once N data
/// messages were sent, a frame with a reserved bit set, a text message over 1 MiB, or a text
/// frame that is not UTF-8 (N defaults to 0: at once); `status:401` or `status:429` refuses the
/// upgrade with that status; `silence` sends nothing at all (no data, no pings, no pongs).
struct SimFaults: Sendable, Equatable {
    var dropAfter: Int?
    var fragment = false
    var malformedAfter: Int?
    var oversizedAfter: Int?
    var nonUTF8After: Int?
    var upgradeStatus: Int?
    var silence = false

    /// A fault specification that cannot be used; the text says which part.
    struct ParseError: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    /// No faults.
    init() {}

    /// `base` with every fault in `specifications` added (a later value of the same kind wins).
    init(_ specifications: [String], over base: SimFaults = SimFaults()) throws(ParseError) {
        self = base
        for specification in specifications {
            for item in specification.split(separator: ",") {
                try apply(item.trimmingSpaces())
            }
        }
    }

    /// Whether this connection gets any fault.
    var isEmpty: Bool { self == SimFaults() }

    /// The faults in the syntax they are given in, for logs.
    var summary: String {
        var parts: [String] = []
        if let dropAfter { parts.append("drop:\(dropAfter)") }
        if fragment { parts.append("fragment") }
        if let malformedAfter { parts.append("malformed:\(malformedAfter)") }
        if let oversizedAfter { parts.append("oversized:\(oversizedAfter)") }
        if let nonUTF8After { parts.append("non-utf8:\(nonUTF8After)") }
        if let upgradeStatus { parts.append("status:\(upgradeStatus)") }
        if silence { parts.append("silence") }
        return parts.isEmpty ? "none" : parts.joined(separator: ",")
    }

    private mutating func apply(_ item: String) throws(ParseError) {
        guard !item.isEmpty else { return }
        let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts[0].lowercased()
        var count: Int?
        if parts.count > 1 {
            guard let value = Int(parts[1]), value >= 0 else { throw ParseError(description: "fault \(item): expected a count >= 0 after ':'") }
            count = value
        }
        switch name {
        case "drop":
            guard let count, count > 0 else { throw ParseError(description: "fault \(item): drop needs a count > 0, e.g. drop:10") }
            dropAfter = count
        case "fragment": try noCount(item, count); fragment = true
        case "malformed": malformedAfter = count ?? 0
        case "oversized": oversizedAfter = count ?? 0
        case "non-utf8": nonUTF8After = count ?? 0
        case "silence": try noCount(item, count); silence = true
        case "status":
            guard let count, count == 401 || count == 429 else { throw ParseError(description: "fault \(item): status must be 401 or 429") }
            upgradeStatus = count
        default:
            throw ParseError(description: "unknown fault \(item) (known: drop:N, fragment, malformed:N, oversized:N, non-utf8:N, status:401|429, silence)")
        }
    }

    private func noCount(_ item: String, _ count: Int?) throws(ParseError) {
        if count != nil { throw ParseError(description: "fault \(item) takes no count") }
    }
}
