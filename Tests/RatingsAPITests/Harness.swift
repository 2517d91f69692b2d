import Foundation
import HTTPServer
import LiveState
import Testing
@testable import RatingsAPI

/// A `RatingsAPI` over a `FakeStore` with a fixed clock, and shorthands to send it requests.
struct Harness {
    static let startedAt = Timestamp(millisecondsSinceEpoch: 1_728_000_000_000)
    static let openAPI = Array("openapi: 3.1.0\ninfo:\n  title: ratingsd\n".utf8)

    let store: FakeStore
    let api: RatingsAPI

    init(
        contents: FakeStore.Contents = Fixtures.contents(),
        configuration: APIConfiguration = APIConfiguration(openAPIDocument: Harness.openAPI),
        state: ServiceState = ServiceState(mode: .demo, startedAt: Harness.startedAt),
        uptimeMilliseconds: Int64 = 12_500
    ) {
        store = FakeStore(contents)
        let now = Timestamp(millisecondsSinceEpoch: Self.startedAt.millisecondsSinceEpoch + uptimeMilliseconds)
        api = RatingsAPI(store: store, configuration: configuration, service: { state }, clock: { now })
    }

    /// The response to `method target` with the given header fields (plus `Host`).
    func send(_ target: String, method: HTTPMethod = .get, headers: [(String, String)] = []) -> HTTPResponse {
        var fields = HTTPHeaders()
        fields.add(name: "Host", value: "127.0.0.1")
        for (name, value) in headers { fields.add(name: name, value: value) }
        return api.respond(to: HTTPRequest(method: method, target: target, headers: fields))
    }

    /// The last query the store was asked.
    var lastQuery: RecordQuery? { store.queries.withLock { $0.last } }
}

extension HTTPResponse {
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object, nil when it is not one.
    var object: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// Every value of the named header field.
    func values(_ name: String) -> [String] { headers.values(for: name) }
}

/// Checks that `response` is a problem document of `slug` with `status` (naming `parameter`
/// when given) and returns its members.
@discardableResult
func expectProblem(
    _ response: HTTPResponse, status: Int, slug: String, parameter: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> [String: Any] {
    #expect(response.status.code == status, "\(response.text)", sourceLocation: sourceLocation)
    #expect(response.headers["Content-Type"] == "application/problem+json", sourceLocation: sourceLocation)
    #expect(response.headers["Cache-Control"] == "no-store", sourceLocation: sourceLocation)
    guard let problem = response.object else {
        Issue.record("not a JSON object: \(response.text)", sourceLocation: sourceLocation)
        return [:]
    }
    #expect(problem["type"] as? String == "https://ratingsd.dev/problems/" + slug, sourceLocation: sourceLocation)
    #expect(problem["status"] as? Int == status, sourceLocation: sourceLocation)
    #expect((problem["title"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    #expect((problem["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    #expect(problem["parameter"] as? String == parameter, sourceLocation: sourceLocation)
    return problem
}
