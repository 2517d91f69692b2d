import HTTPServer
import LiveState

/// The endpoints about the service itself rather than the market data.
extension RatingsAPI {
    /// `{"status":"ok"}`: the process is alive and answering.
    static let healthBody = Array(#"{"status":"ok"}"#.utf8)
    /// `{"ready":true,"readiness":[]}`.
    static let readyBody = Array(#"{"ready":true,"readiness":[]}"#.utf8)
    /// The tags of the two constant bodies, hashed once.
    static let healthETag = EntityTag.strong(hashing: healthBody)
    static let readyETag = EntityTag.strong(hashing: readyBody)

    /// `/healthz`, `/readyz`, `/status` and `/openapi.yaml`.
    func service(_ route: Route, request: HTTPRequest) throws(APIProblem) -> HTTPResponse {
        switch route {
        case .healthz:
            return ok(Self.healthBody, etag: Self.healthETag, request: request)
        case .readyz:
            let state = serviceState()
            guard state.ready else {
                throw APIProblem(
                    .notReady, "Not ready: " + state.readinessReasons.joined(separator: "; ") + ".",
                    readiness: state.readinessReasons)
            }
            return ok(Self.readyBody, etag: Self.readyETag, request: request)
        case .status:
            let body = StatusDocument.render(
                statistics: store.statistics(), state: serviceState(), now: clock(), events: events?.statistics)
            return ok(body, etag: EntityTag.strong(hashing: body), request: request)
        default:
            guard !configuration.openAPIDocument.isEmpty else {
                throw APIProblem(.notFound, "This build carries no OpenAPI document.")
            }
            return ok(configuration.openAPIDocument, etag: openAPIETag, request: request, headers: headers.yaml)
        }
    }
}
