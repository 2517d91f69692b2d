import Testing
@testable import WebSocket

/// URL parsing, and that nothing but the request line ever holds the query.
struct WebSocketURLTests {
    @Test func splitsABenzingaURLAndHidesItsToken() throws {
        let url = try WebSocketURL("wss://api.benzinga.com/api/v2.1/calendar/ratings/stream?token=SECRET&tickers=AAPL")
        #expect(url.isSecure && url.host == "api.benzinga.com" && url.port == 443)
        #expect(url.path == "/api/v2.1/calendar/ratings/stream")
        #expect(url.requestTarget == "/api/v2.1/calendar/ratings/stream?token=SECRET&tickers=AAPL")
        #expect(url.hostHeader == "api.benzinga.com")
        #expect(url.description == "wss://api.benzinga.com:443/api/v2.1/calendar/ratings/stream")
        #expect(url.curlURL == "https://api.benzinga.com:443/")
        #expect(!"\(url)".contains("SECRET"))
    }

    @Test func defaultsThePathAndNamesANonDefaultPortInTheHostHeader() throws {
        let url = try WebSocketURL("WS://127.0.0.1:8080")
        #expect(!url.isSecure && url.path == "/" && url.query == nil && url.hostHeader == "127.0.0.1:8080")
        #expect(url.curlURL == "http://127.0.0.1:8080/")
        #expect(try WebSocketURL("ws://h?x=1").requestTarget == "/?x=1")
    }

    @Test func bracketsAnIPv6Host() throws {
        let url = try WebSocketURL("ws://[::1]:9000/feed")
        #expect(url.host == "::1" && url.port == 9000 && url.hostHeader == "[::1]:9000")
        #expect(url.curlURL == "http://[::1]:9000/")
    }

    @Test(arguments: [
        "http://example.com/", "example.com", "ws://user:pw@example.com/?token=SECRET", "ws://example.com/#frag",
        "ws://example.com:0/", "ws://example.com:70000/", "ws://example.com:+80/", "ws://exa mple.com/", "ws:///path",
        "ws://[::1/", "ws://ex%41mple.com/", "ws://example.com/\u{7F}", "wss://ex\u{E9}mple.com/",
    ])
    func refusesAnUnusableURLWithoutEchoingIt(_ text: String) {
        do {
            _ = try WebSocketURL(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(!error.description.contains("SECRET") && !error.description.contains("example"))
        }
    }
}
