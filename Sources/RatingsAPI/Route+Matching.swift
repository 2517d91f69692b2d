/// Path matching without Foundation, without a segment array and without walking
/// `String.Index`es: every path of the API has one or two segments, so the matcher scans the
/// path's contiguous UTF-8 once, compares the first segment's bytes with the known names and
/// makes a `String` only of the path parameter (small, so usually not even an allocation).
extension Route {
    /// The route of a percent-encoded path (`/consensus/BRK%2FB`), nil when nothing lives
    /// there. A `%2F` inside a segment stays part of that segment, as RFC 3986 means it to.
    static func match(path: String) throws(APIProblem) -> Route? {
        var path = path
        let outcome = path.withUTF8 { bytes in match(bytes) }
        switch outcome {
        case .route(let route): return route
        case .notFound: return nil
        case .invalidEncoding:
            throw APIProblem(.badRequest, "The path contains an invalid percent-encoding (% must be followed by two hex digits of UTF-8).")
        }
    }

    private enum Outcome {
        case route(Route)
        case notFound
        case invalidEncoding
    }

    private static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard bytes.first == UInt8(ascii: "/") else { return .notFound }
        if bytes.count == 1 { return .route(.dashboard) }
        let rest = bytes[1...]
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else {
            return name(of: rest).map { collection($0) } ?? .invalidEncoding
        }
        let parameterBytes = bytes[(slash + 1)...]
        guard !parameterBytes.isEmpty, !parameterBytes.contains(UInt8(ascii: "/")) else { return .notFound }
        guard let name = name(of: rest[..<slash]) else { return .invalidEncoding }
        let make: (String) -> Route
        switch name {
        case .consensus: make = { .consensus(ticker: $0) }
        case .ratings: make = { .rating(id: $0) }
        case .insights: make = { .insight(id: $0) }
        case .tickers: make = { .ticker($0) }
        default: return .notFound
        }
        guard let parameter = PercentEncoding.decode(parameterBytes, plusAsSpace: false) else { return .invalidEncoding }
        return .route(make(parameter))
    }

    /// The first path segment, as one of the names the API knows.
    private enum Name {
        case consensus, ratings, insights, tickers, healthz, readyz, status, openAPI, metrics, events, other
    }

    private static let names: [(bytes: [UInt8], name: Name)] = [
        (Array("consensus".utf8), .consensus), (Array("ratings".utf8), .ratings),
        (Array("insights".utf8), .insights), (Array("tickers".utf8), .tickers),
        (Array("healthz".utf8), .healthz), (Array("readyz".utf8), .readyz),
        (Array("status".utf8), .status), (Array("openapi.yaml".utf8), .openAPI),
        (Array("metrics".utf8), .metrics),
        (Array("events".utf8), .events),
    ]

    /// The segment's name; nil when its percent-encoding is invalid. Only a segment holding
    /// a `%` is decoded (names are plain ASCII, so anything else compares byte for byte).
    private static func name(of segment: Slice<UnsafeBufferPointer<UInt8>>) -> Name? {
        if segment.contains(UInt8(ascii: "%")) {
            guard let decoded = PercentEncoding.decode(segment, plusAsSpace: false) else { return nil }
            return names.first { $0.bytes.elementsEqual(decoded.utf8) }?.name ?? .other
        }
        return names.first { $0.bytes.elementsEqual(segment) }?.name ?? .other
    }

    private static func collection(_ name: Name) -> Outcome {
        switch name {
        case .consensus: return .route(.consensusBatch)
        case .ratings: return .route(.ratings)
        case .insights: return .route(.insights)
        case .tickers: return .route(.tickers)
        case .healthz: return .route(.healthz)
        case .readyz: return .route(.readyz)
        case .status: return .route(.status)
        case .openAPI: return .route(.openAPI)
        case .metrics: return .route(.metrics)
        case .events: return .route(.events)
        case .other: return .notFound
        }
    }
}
