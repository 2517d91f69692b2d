import Testing
@testable import HTTPServer

@Suite struct HTTPDateCacheTests {
    @Test(arguments: [
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (4_102_444_799, "Thu, 31 Dec 2099 23:59:59 GMT"),
    ])
    func rendersIMFFixdate(_ seconds: Int, _ expected: String) {
        var cache = HTTPDateCache()
        cache.update(secondsSinceEpoch: seconds)
        #expect(String(decoding: cache.line, as: UTF8.self) == "Date: \(expected)\r\n")
    }
}
