import Testing
@testable import LiveState

@Suite struct PageCursorTests {
    @Test func roundTripsThroughItsToken() {
        let cursor = PageCursor(date: "2024-10-04", time: "10:37:52", updatedMilliseconds: 1_728_069_666_000, id: "66fffdc0")
        #expect(PageCursor(token: cursor.token) == cursor)
    }

    @Test func roundTripsFieldsHoldingNewlinesColonsAndUnicode() {
        let cursor = PageCursor(date: "2024\n10", time: "", updatedMilliseconds: Int64.min, id: "a:b\nc é🚀")
        #expect(PageCursor(token: cursor.token) == cursor)
    }

    @Test func roundTripsEveryFieldLengthThroughBase64Padding() {
        for length in 1...12 {
            let cursor = PageCursor(date: "", time: "", updatedMilliseconds: -5, id: String(repeating: "x", count: length))
            #expect(PageCursor(token: cursor.token) == cursor)
        }
    }

    @Test func tokensAreURLSafe() {
        let cursor = PageCursor(date: "\u{FB}\u{FF}", time: "?>", updatedMilliseconds: 0, id: "~~~")
        #expect(cursor.token.utf8.allSatisfy { byte in
            (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95
        })
    }

    @Test(arguments: [
        "", "!!!!", "abc", "a", "====", "djI", "v2", "AAAA", String(repeating: "A", count: 2000),
        "dGhpcyBpcyBub3QgYSBjdXJzb3I", "djIKMDoKMDoKMTowCjA6",
    ])
    func refusesGarbageTokens(token: String) {
        #expect(PageCursor(token: token) == nil)
    }

    @Test func refusesTheOldNewlineJoinedFormat() {
        let old = Base64URL.encode(Array("v1\n2024-10-04\n10:37:52\n5\nid".utf8))
        #expect(PageCursor(token: old) == nil)
    }

    @Test func refusesTokensWithTrailingBytesOrBadNumbers() {
        let valid = Array("v2\n0:\n0:\n1:5\n2:id".utf8)
        #expect(PageCursor(token: Base64URL.encode(valid)) != nil)
        #expect(PageCursor(token: Base64URL.encode(valid + [0x41])) == nil)
        #expect(PageCursor(token: Base64URL.encode(Array("v2\n0:\n0:\n2:+5\n2:id".utf8))) == nil)
        #expect(PageCursor(token: Base64URL.encode(Array("v2\n0:\n0:\n2:05\n2:id".utf8))) == nil)
        #expect(PageCursor(token: Base64URL.encode(Array("v2\n0:\n0:\n1:5\n9:id".utf8))) == nil)
        #expect(PageCursor(token: Base64URL.encode(Array("v2\n0:\n0:\n1:5\n0:".utf8))) == nil)
        #expect(PageCursor(token: Base64URL.encode([0x76, 0x32, 0x0A, 0x31, 0x3A, 0xFF, 0x0A, 0x30, 0x3A, 0x0A, 0x31, 0x3A, 0x35, 0x0A, 0x31, 0x3A, 0x78]))
            == nil)
    }

    @Test func refusesNonCanonicalBase64() {
        let token = PageCursor(date: "", time: "", updatedMilliseconds: 1, id: "x").token
        #expect(PageCursor(token: token + "=") == nil)
        #expect(PageCursor(token: " " + token) == nil)
    }
}
