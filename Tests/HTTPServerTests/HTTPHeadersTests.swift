import Testing
@testable import HTTPServer

/// The header list: order, case-insensitive lookup, and a prepared list's inline additions.
struct HTTPHeadersTests {
    let base: HTTPHeaders = ["Content-Type": "application/json", "Cache-Control": "no-cache"]

    @Test func fieldsAddedToAPreparedListFollowItInOrder() {
        var headers = base.prepared()
        headers.add(name: "ETag", value: "\"1\"")
        headers.add(name: "Link", value: "</next>; rel=\"next\"")
        headers.add(name: "X-Third", value: "3")
        headers.add(name: "X-Fourth", value: "4")
        #expect(headers.fields.map(\.name) == ["Content-Type", "Cache-Control", "ETag", "Link", "X-Third", "X-Fourth"])
        #expect(headers["etag"] == "\"1\"")
        #expect(headers["x-fourth"] == "4")
        #expect(headers.values(for: "LINK") == ["</next>; rel=\"next\""])
        // The block still stands for the two leading fields only.
        #expect(headers.block?.fieldCount == 2)
    }

    @Test func addingToACopyLeavesTheSharedPreparedListAlone() {
        let shared = base.prepared()
        var one = shared
        one.add(name: "ETag", value: "\"1\"")
        var two = shared
        two.add(name: "ETag", value: "\"2\"")
        #expect(shared.fields.count == 2)
        #expect(one["ETag"] == "\"1\"" && two["ETag"] == "\"2\"")
    }

    @Test func replacingAFieldDropsThePreparedBlock() {
        var headers = base.prepared()
        headers.add(name: "ETag", value: "\"1\"")
        headers.replaceOrAdd(name: "cache-control", value: "no-store")
        #expect(headers.block == nil)
        #expect(headers.fields.map(\.name) == ["Content-Type", "ETag", "cache-control"])
        #expect(headers["Cache-Control"] == "no-store")
    }

    @Test func aListWithAFieldThatCannotBeSentIsNotPrepared() {
        let bad: HTTPHeaders = ["X-Ok": "1", "X-Bad": "a\r\nSet-Cookie: x=1"]
        #expect(bad.prepared().block == nil)
        #expect(bad.prepared().fields.count == 2)
    }

    @Test func removeAllEmptiesEverything() {
        var headers = base.prepared()
        headers.add(name: "ETag", value: "\"1\"")
        headers.removeAll()
        #expect(headers.fields.isEmpty)
        #expect(headers.block == nil)
        headers.add(name: "Host", value: "a")
        #expect(headers.fields.map(\.name) == ["Host"])
    }
}
