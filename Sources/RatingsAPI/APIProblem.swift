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
        var writer = JSONWriter(capacity: 192 + detail.utf8.count)
        writer.beginObject()
        writer.key("type"); writer.string(type.uri)
        writer.key("title"); writer.string(type.title)
        writer.key("status"); writer.integer(type.status.code)
        writer.key("detail"); writer.string(detail)
        if let parameter { writer.key("parameter"); writer.string(parameter) }
        if let readiness {
            writer.key("readiness")
            writer.beginArray()
            for reason in readiness { writer.string(reason) }
            writer.endArray()
        }
        writer.endObject()
        return writer.bytes
    }

    /// Client-supplied text for a detail: JSON-quoted, cut to a readable length so a
    /// kilobyte of garbage is not echoed back whole.
    static func quote(_ text: String, limit: Int = 64) -> String {
        var shown = text
        if shown.count > limit { shown = String(shown.prefix(limit)) + "…" }
        var writer = JSONWriter(capacity: shown.utf8.count + 2)
        writer.string(shown)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
