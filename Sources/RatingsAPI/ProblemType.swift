import HTTPServer

/// A kind of error the API reports, with its stable type URI (RFC 9457 §3.1.1), its title and
/// its status. The URIs are part of the contract: openapi.yaml lists every one.
struct ProblemType: Sendable, Equatable {
    /// The last path segment of the type URI; nil for `about:blank` (a bare status).
    let slug: String?
    /// A short summary that never varies between occurrences.
    let title: String
    /// The HTTP status of responses carrying this problem.
    let status: HTTPStatus

    /// Where every type URI lives.
    static let base = "https://ratingsd.dev/problems/"

    /// The `type` member: the base followed by the slug, or `about:blank`.
    var uri: String { slug.map { Self.base + $0 } ?? "about:blank" }

    // The types of the contract, one per slug listed in openapi.yaml's `Problem.type`.

    /// A query or path parameter that cannot be taken at its word.
    static let invalidParameter = ProblemType(slug: "invalid-parameter", title: "Invalid parameter", status: .badRequest)
    /// A ticker outside 1-16 characters of `A-Z 0-9 . - /`.
    static let invalidTicker = ProblemType(slug: "invalid-ticker", title: "Invalid ticker", status: .badRequest)
    /// A malformed request (bad percent-encoding, or refused by the server's parser).
    static let badRequest = ProblemType(slug: "bad-request", title: "Bad request", status: .badRequest)
    /// No such path, record or consensus.
    static let notFound = ProblemType(slug: "not-found", title: "Not found", status: .notFound)
    /// A well-formed ticker nothing is known about.
    static let unknownTicker = ProblemType(slug: "unknown-ticker", title: "Unknown ticker", status: .notFound)
    /// A method other than GET, HEAD or OPTIONS.
    static let methodNotAllowed = ProblemType(
        slug: "method-not-allowed", title: "Method not allowed", status: .methodNotAllowed)
    /// The head did not arrive in time.
    static let requestTimeout = ProblemType(slug: "request-timeout", title: "Request timeout", status: .requestTimeout)
    /// A body above the server's limit.
    static let contentTooLarge = ProblemType(
        slug: "content-too-large", title: "Content too large", status: .contentTooLarge)
    /// A request line above the server's limit.
    static let uriTooLong = ProblemType(slug: "uri-too-long", title: "URI too long", status: .uriTooLong)
    /// A head with too many or too large header fields.
    static let headerFieldsTooLarge = ProblemType(
        slug: "header-fields-too-large", title: "Header fields too large", status: .requestHeaderFieldsTooLarge)
    /// Too many connections.
    static let serviceUnavailable = ProblemType(
        slug: "service-unavailable", title: "Service unavailable", status: .serviceUnavailable)
    /// `/readyz` while the service is not ready.
    static let notReady = ProblemType(slug: "not-ready", title: "Not ready", status: .serviceUnavailable)
    /// A protocol version other than HTTP/1.0 and 1.1.
    static let httpVersionNotSupported = ProblemType(
        slug: "http-version-not-supported", title: "HTTP version not supported", status: .httpVersionNotSupported)

    /// The type for a status the server refused a request with; statuses without a type of their
    /// own become `about:blank` titled with the reason phrase, as RFC 9457 §4.2.1 asks.
    static func forRejection(_ status: HTTPStatus) -> ProblemType {
        switch status.code {
        case 400: return .badRequest
        case 404: return .notFound
        case 405: return .methodNotAllowed
        case 408: return .requestTimeout
        case 413: return .contentTooLarge
        case 414: return .uriTooLong
        case 431: return .headerFieldsTooLarge
        case 503: return .serviceUnavailable
        case 505: return .httpVersionNotSupported
        default: return ProblemType(slug: nil, title: status.reasonPhrase, status: status)
        }
    }
}
