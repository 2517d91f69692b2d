import LiveState

/// One error answer of the API: a problem type, what went wrong this time, and which request
/// parameter was at fault. Handlers throw it; `RatingsAPI` renders it as
/// `application/problem+json`.
struct APIProblem: Error, Sendable, Equatable {
    /// What kind of problem, which fixes the `type` URI, title and status.
    let type: ProblemType
    /// A sentence for humans about this occurrence.
    let detail: String
    /// The query or path parameter at fault (an extension member), when there is one.
    var parameter: String?
    /// Why the service is not ready (an extension member of `not-ready` problems).
    var readiness: [String]?

    /// A problem of `type`; `detail` is shown to the client as it is.
    init(_ type: ProblemType, _ detail: String, parameter: String? = nil, readiness: [String]? = nil) {
        self.type = type
        self.detail = detail
        self.parameter = parameter
        self.readiness = readiness
    }

    /// The problem document: `type`, `title`, `status`, `detail`, then extension members.
    func render() -> [UInt8] {
        var json = JSONWriter(capacity: 192 + detail.utf8.count)
        json.raw("{\"type\":"); json.string(type.uri)
        json.raw(",\"title\":"); json.string(type.title)
        json.raw(",\"status\":"); json.integer(type.status.code)
        json.raw(",\"detail\":"); json.string(detail)
        if let parameter { json.raw(",\"parameter\":"); json.string(parameter) }
        if let readiness { json.raw(",\"readiness\":"); json.stringArray(readiness) }
        json.byte(UInt8(ascii: "}"))
        return json.bytes
    }

    /// Client-supplied text for a detail: JSON-quoted, cut to a readable length so a
    /// kilobyte of garbage is not echoed back whole.
    static func quote(_ text: String, limit: Int = 64) -> String {
        var shown = text
        if shown.count > limit { shown = String(shown.prefix(limit)) + "…" }
        var json = JSONWriter(capacity: shown.utf8.count + 2)
        json.string(shown)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
