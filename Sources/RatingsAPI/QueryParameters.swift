/// The decoded query of a request, checked against the names its route accepts.
///
/// Unknown names are refused rather than ignored: a typo such as `tikcer=AAPL` must not quietly
/// return every ticker's data. A name given twice is refused too, since either reading of
/// `limit=5&limit=500` would surprise someone.
struct QueryParameters {
    /// One `name=value` pair, both percent-decoded (`+` read as a space).
    struct Parameter {
        /// The decoded name.
        let name: String
        /// The decoded value; empty for `name` or `name=`.
        let value: String
    }

    /// The pairs in the order the client sent them.
    private(set) var parameters: [Parameter] = []

    /// Parses `query` (still percent-encoded, without `?`); empty pieces (`a=1&&b=2`) are skipped
    /// and a piece without `=` has the empty value.
    init(query: String?, accepted: [String], path: String) throws(APIProblem) {
        guard let query, !query.isEmpty else { return }
        for piece in query.utf8.split(separator: UInt8(ascii: "&")) {
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let rawName = piece[..<(equals ?? piece.endIndex)]
            guard let name = PercentEncoding.decode(rawName, plusAsSpace: true) else {
                throw APIProblem(.badRequest, "The query contains an invalid percent-encoding (% must be followed by two hex digits of UTF-8).")
            }
            guard accepted.contains(name) else { throw Self.unknown(name, accepted: accepted, path: path) }
            guard !parameters.contains(where: { $0.name == name }) else {
                throw APIProblem(.invalidParameter, "\(name) is given more than once.", parameter: name)
            }
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? piece[piece.endIndex...]
            guard let value = PercentEncoding.decode(rawValue, plusAsSpace: true) else {
                throw APIProblem(
                    .invalidParameter, "\(name) contains an invalid percent-encoding (% must be followed by two hex digits of UTF-8).",
                    parameter: name)
            }
            parameters.append(Parameter(name: name, value: value))
        }
    }

    /// The value of `name`, or nil when absent.
    subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// The query re-encoded in request order without `cursor`, then `cursor=token`: the query
    /// of the next page for a `Link` header.
    func query(withCursor token: String) -> String {
        var query = ""
        for parameter in parameters where parameter.name != "cursor" {
            query += PercentEncoding.encodeComponent(parameter.name) + "=" + PercentEncoding.encodeComponent(parameter.value) + "&"
        }
        return query + "cursor=" + PercentEncoding.encodeComponent(token)
    }

    private static func unknown(_ name: String, accepted: [String], path: String) -> APIProblem {
        let detail: String
        if accepted.isEmpty {
            detail = "\(path) takes no query parameters; got \(APIProblem.quote(name))."
        } else if name == "min_importance" {
            detail = "min_importance applies to /ratings only: insights carry no importance."
        } else {
            detail = "Unknown query parameter \(APIProblem.quote(name)); \(path) accepts "
                + accepted.joined(separator: ", ") + "."
        }
        return APIProblem(.invalidParameter, detail, parameter: name)
    }
}
