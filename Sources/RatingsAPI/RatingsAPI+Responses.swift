import HTTPServer
import ServiceMetrics

/// Turning bodies, problems and preflights into responses with the right headers.
extension RatingsAPI {
    /// A 200 with `ETag` (and `Link` when given), or a bodiless 304 when `If-None-Match`
    /// already names this representation.
    func ok(
        _ body: [UInt8], etag: String, request: HTTPRequest, link: String? = nil, headers base: HTTPHeaders? = nil
    ) -> HTTPResponse {
        if EntityTag.ifNoneMatch(in: request.headers, matches: etag) {
            var fields = headers.notModified
            fields.add(name: "ETag", value: etag)
            return HTTPResponse(status: .notModified, headers: fields)
        }
        var fields = base ?? headers.json
        fields.add(name: "ETag", value: etag)
        if let link { fields.add(name: "Link", value: link) }
        return HTTPResponse(status: .ok, headers: fields, body: body)
    }

    /// The problem as `application/problem+json` with its status.
    func problemResponse(_ problem: APIProblem) -> HTTPResponse {
        HTTPResponse(status: problem.type.status, headers: headers.problem, body: problem.render())
    }

    /// 405 naming the methods the path does answer.
    func methodNotAllowed(_ method: HTTPMethod, route: Route) -> HTTPResponse {
        var response = problemResponse(APIProblem(
            .methodNotAllowed,
            "\(route.template) answers \(Route.allowedMethods), not \(APIProblem.quote(method.rawValue))."))
        response.headers.add(name: "Allow", value: Route.allowedMethods)
        return response
    }

    /// 204 to `OPTIONS`: `Allow`, and for a CORS preflight the methods, the request headers it
    /// asked for (when they are plain header names) and how long to cache the answer.
    func preflight(_ request: HTTPRequest) -> HTTPResponse {
        var fields = headers.preflight
        if configuration.corsOrigin != nil {
            let requested = request.headers["Access-Control-Request-Headers"]
            let allowed = requested.flatMap { Self.isHeaderNameList($0) ? $0 : nil }
            fields.add(name: "Access-Control-Allow-Headers", value: allowed ?? ResponseHeaders.defaultAllowedHeaders)
            fields.add(name: "Vary", value: "Access-Control-Request-Headers")
        }
        return HTTPResponse(status: .noContent, headers: fields)
    }

    /// Refusals by the server itself (malformed, too large, too slow, overloaded) as problem
    /// documents, so every error a client sees has one shape. Counted under the `rejected`
    /// route in the first loop's shard: a rejection carries no loop index, and it is rare.
    public func respond(toRejected rejection: HTTPRejection) -> HTTPResponse {
        let start = MonotonicClock.nanoseconds()
        defer {
            requestMetrics.record(loop: 0, row: HTTPRequestMetrics.rejectedRow, status: rejection.status.code, since: start)
        }
        let type = ProblemType.forRejection(rejection.status)
        var response = HTTPResponse(
            status: rejection.status, headers: headers.problem, body: APIProblem(type, rejection.detail).render())
        if rejection.status.code == 405 { response.headers.add(name: "Allow", value: Route.allowedMethods) }
        return response
    }

    /// Whether an `Access-Control-Request-Headers` value is only header names, commas and
    /// spaces, and short: safe to echo back verbatim.
    private static func isHeaderNameList(_ value: String) -> Bool {
        guard !value.isEmpty, value.utf8.count <= 1024 else { return false }
        return value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: ","), UInt8(ascii: " "):
                return true
            default:
                return false
            }
        }
    }
}
