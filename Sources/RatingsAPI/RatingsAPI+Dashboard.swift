import HTTPServer

/// `GET /`: the live dashboard page.
extension RatingsAPI {
    /// The page with its policy headers, a 304 when `If-None-Match` names it, and a 404 problem
    /// when this API was given no page.
    func dashboard(request: HTTPRequest) throws(APIProblem) -> HTTPResponse {
        guard let page = dashboardPage else {
            throw APIProblem(.notFound, "This build carries no dashboard page; /openapi.yaml lists every endpoint.")
        }
        return ok(page.body, etag: page.etag, request: request, headers: page.headers)
    }
}
