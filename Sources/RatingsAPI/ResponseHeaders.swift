import HTTPServer
import ServiceMetrics

/// The header sets of every kind of response, built once from the configuration and prepared
/// (checked and rendered once), so a request shares a ready list instead of assembling one, and
/// adding its `ETag` (and `Link`) allocates nothing.
struct ResponseHeaders: Sendable {
    /// 200 JSON documents: content type, `Cache-Control: no-cache`, CORS.
    let json: HTTPHeaders
    /// `GET /openapi.yaml`.
    let yaml: HTTPHeaders
    /// `GET /metrics`: the Prometheus text format, never cached.
    let metrics: HTTPHeaders
    /// `GET /`, before the dashboard adds its policy.
    let html: HTTPHeaders
    /// 304 answers: what a 200 would carry but the content type.
    let notModified: HTTPHeaders
    /// Problem documents: `Cache-Control: no-store`, since an error is no state worth keeping.
    let problem: HTTPHeaders
    /// 204 preflight answers, without the echoed `Access-Control-Allow-Headers`.
    let preflight: HTTPHeaders
    /// `GET /events`: `text/event-stream`, `Cache-Control: no-cache`, `X-Accel-Buffering: no`
    /// (so nginx passes events on at once), CORS.
    let eventStream: HTTPHeaders

    /// `Access-Control-Allow-Headers` when the preflight names none.
    static let defaultAllowedHeaders = "If-None-Match, Last-Event-ID, Content-Type"

    /// The header sets for this configuration's CORS origin and preflight lifetime.
    init(configuration: APIConfiguration) {
        var cors = HTTPHeaders()
        if let origin = configuration.corsOrigin {
            cors.add(name: "Access-Control-Allow-Origin", value: origin)
            if origin != "*" { cors.add(name: "Vary", value: "Origin") }
        }
        var exposed = cors
        if configuration.corsOrigin != nil {
            exposed.add(name: "Access-Control-Expose-Headers", value: "ETag, Link")
        }

        json = Self.fields(contentType: "application/json", cacheControl: "no-cache", then: exposed)
        yaml = Self.fields(contentType: "application/yaml", cacheControl: "no-cache", then: exposed)
        metrics = Self.fields(contentType: PrometheusExposition.contentType, cacheControl: "no-store", then: exposed)
        html = Self.fields(contentType: "text/html; charset=utf-8", cacheControl: "no-cache", then: exposed)
        notModified = Self.fields(contentType: nil, cacheControl: "no-cache", then: exposed)
        problem = Self.fields(contentType: "application/problem+json", cacheControl: "no-store", then: exposed)
        var streaming = HTTPHeaders()
        streaming.add(name: "X-Accel-Buffering", value: "no")
        eventStream = Self.fields(
            contentType: "text/event-stream", cacheControl: "no-cache", then: Self.appending(exposed, to: streaming))

        var preflight = HTTPHeaders()
        preflight.add(name: "Allow", value: Route.allowedMethods)
        if configuration.corsOrigin != nil {
            preflight = Self.appending(cors, to: preflight)
            preflight.add(name: "Access-Control-Allow-Methods", value: Route.allowedMethods)
            preflight.add(name: "Access-Control-Max-Age", value: String(configuration.preflightMaxAgeSeconds))
        }
        self.preflight = preflight.prepared()
    }

    /// `Content-Type` (when given), `Cache-Control`, then `extra`.
    private static func fields(contentType: String?, cacheControl: String, then extra: HTTPHeaders) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        headers.add(name: "Cache-Control", value: cacheControl)
        return appending(extra, to: headers).prepared()
    }

    private static func appending(_ extra: HTTPHeaders, to headers: HTTPHeaders) -> HTTPHeaders {
        var combined = headers
        for field in extra { combined.add(name: field.name, value: field.value) }
        return combined
    }
}
