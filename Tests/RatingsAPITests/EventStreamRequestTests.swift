import HTTPServer
import LiveState
import Testing
@testable import RatingsAPI

/// Reading `GET /events` parameters: what is accepted, what wins, and the 400s naming the culprit.
struct EventStreamRequestTests {
    func parse(_ query: String, headers: [(String, String)] = []) throws(APIProblem) -> EventStreamRequest {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.add(name: name, value: value) }
        let request = HTTPRequest(method: .get, target: "/events" + (query.isEmpty ? "" : "?" + query), headers: fields)
        return try EventStreamRequest(request, tickers: TickerParameter(maxLength: 16), maxTickers: 100)
    }

    func problem(_ query: String, headers: [(String, String)] = []) -> APIProblem? {
        do throws(APIProblem) {
            _ = try parse(query, headers: headers)
            return nil
        } catch {
            return error
        }
    }

    @Test func noParametersMeansEverythingLiveWithoutSnapshot() throws {
        let request = try parse("")
        #expect(request.filter == EventFilter())
        #expect(request.lastEventID == nil)
        #expect(!request.snapshot)
    }

    @Test func filtersAreNormalised() throws {
        let request = try parse("tickers=aapl,MSFT,aapl&types=Rating,insight&min_importance=4&snapshot=true")
        #expect(request.filter.tickers == ["AAPL", "MSFT"])
        #expect(request.filter.families == [.rating, .insight])
        #expect(request.filter.minImportance == 4)
        #expect(request.snapshot)
    }

    @Test func theLastEventIDHeaderWinsOverTheQueryAndAnEmptyHeaderIsAbsent() throws {
        #expect(try parse("last_event_id=5", headers: [("Last-Event-ID", "9")]).lastEventID == 9)
        #expect(try parse("last_event_id=5", headers: [("Last-Event-ID", "")]).lastEventID == 5)
        #expect(try parse("last_event_id=0").lastEventID == 0)
    }

    @Test func badValuesAre400sNamingTheParameter() {
        let cases: [(String, [(String, String)], String)] = [
            ("types=rating,foo", [], "types"), ("types=", [], "types"),
            ("min_importance=6", [], "min_importance"), ("min_importance=-1", [], "min_importance"),
            ("last_event_id=abc", [], "last_event_id"), ("last_event_id=99999999999999999999", [], "last_event_id"),
            ("", [("Last-Event-ID", "x1")], "Last-Event-ID"), ("snapshot=yes", [], "snapshot"),
            ("tickers=AA$L", [], "tickers"), ("ticker=AAPL", [], "ticker"),
            ("tickers=" + (0...100).map { "T\($0)" }.joined(separator: ","), [], "tickers"),
        ]
        for (query, headers, parameter) in cases {
            let problem = self.problem(query, headers: headers)
            #expect(problem?.type.status == .badRequest, "\(query)")
            #expect(problem?.parameter == parameter, "\(query)")
        }
    }

    @Test func theFilterMatchesByFamilyTickerAndRatingImportance() {
        func event(_ kind: StoreEventKind, _ ticker: String = "AAPL", importance: Int? = nil) -> StoreEvent {
            StoreEvent(sequence: 1, kind: kind, ticker: ticker, importance: importance, document: [])
        }
        let filter = EventFilter(tickers: ["AAPL"], families: [.rating, .consensus], minImportance: 3)
        #expect(filter.matches(event(.rating, importance: 3)))
        #expect(!filter.matches(event(.rating, importance: 2)))
        #expect(!filter.matches(event(.rating, importance: nil)))
        #expect(filter.matches(event(.ratingDeleted)))
        #expect(filter.matches(event(.consensus)))
        #expect(!filter.matches(event(.insight)))
        #expect(!filter.matches(event(.insightDeleted)))
        #expect(!filter.matches(event(.consensus, "MSFT")))
    }
}
