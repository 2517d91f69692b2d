import HTTPServer
import LiveState

/// A `GET /events` request read and validated: its filter, where to resume, whether to start
/// with a consensus snapshot. Any bad value is a 400 naming the parameter.
struct EventStreamRequest: Sendable, Equatable {
    /// The query parameters `/events` accepts.
    static let parameters = ["tickers", "types", "min_importance", "last_event_id", "snapshot"]

    /// Which events to send.
    var filter = EventFilter()
    /// The last id the client saw: the `Last-Event-ID` header, else the `last_event_id`
    /// parameter (the header wins because EventSource sends it on every reconnect while the
    /// URL, parameter included, stays the one of the first connection). Nil: live only.
    var lastEventID: UInt64?
    /// `snapshot=true`: send every filtered ticker's consensus first.
    var snapshot = false

    /// Reads `request`; tickers are validated as everywhere else and at most `maxTickers`.
    init(_ request: HTTPRequest, tickers symbols: TickerParameter, maxTickers: Int) throws(APIProblem) {
        let query = try QueryParameters(query: request.query, accepted: Self.parameters, path: "/events")
        var tickers: [String]?
        if let list = query["tickers"] {
            tickers = try symbols.normalizeList(list, parameter: "tickers", maxCount: maxTickers)
        }
        var families = Set(StoreEventFamily.allCases)
        if let text = query["types"] { families = try Self.families(text) }
        var minImportance: Int?
        if let text = query["min_importance"] {
            guard let value = Self.decimal(text), value <= 5 else {
                throw APIProblem(
                    .invalidParameter, "min_importance must be an integer from 0 to 5, got \(APIProblem.quote(text)).",
                    parameter: "min_importance")
            }
            minImportance = Int(value)
        }
        filter = EventFilter(tickers: tickers, families: families, minImportance: minImportance)
        if let header = request.headers["Last-Event-ID"], !header.isEmpty {
            lastEventID = try Self.eventID(header, parameter: "Last-Event-ID")
        } else if let text = query["last_event_id"] {
            lastEventID = try Self.eventID(text, parameter: "last_event_id")
        }
        switch query["snapshot"] {
        case nil, "false": snapshot = false
        case "true": snapshot = true
        case let other?:
            throw APIProblem(
                .invalidParameter, "snapshot must be true or false, got \(APIProblem.quote(other)).", parameter: "snapshot")
        }
    }

    private static func families(_ text: String) throws(APIProblem) -> Set<StoreEventFamily> {
        var families = Set<StoreEventFamily>()
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let family = StoreEventFamily(rawValue: ASCII.lowercased(String(piece))) else {
                throw APIProblem(
                    .invalidParameter,
                    "types must be a comma-separated list of rating, consensus, insight; got \(APIProblem.quote(String(piece))).",
                    parameter: "types")
            }
            families.insert(family)
        }
        return families
    }

    private static func eventID(_ text: String, parameter: String) throws(APIProblem) -> UInt64 {
        guard let value = decimal(text) else {
            throw APIProblem(
                .invalidParameter, "\(parameter) must be an event id this stream sent (a decimal integer), got \(APIProblem.quote(text)).",
                parameter: parameter)
        }
        return value
    }

    /// Digits only (no sign, no spaces), at most 19 of them.
    private static func decimal(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.count <= 19, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return UInt64(text)
    }
}
