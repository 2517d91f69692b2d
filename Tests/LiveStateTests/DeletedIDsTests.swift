import Testing
@testable import LiveState

@Suite struct DeletedIDsTests {
    private let version = RecordVersion(updated: Timestamp(millisecondsSinceEpoch: 5), timestamp: nil)

    @Test func remembersAndForgets() {
        var deleted = DeletedIDs(capacity: 4)
        deleted.remember("a", version: version)
        #expect(deleted.version(of: "a") == version)
        deleted.forget("a")
        #expect(deleted.version(of: "a") == nil)
    }

    @Test func dropsTheOldestBeyondItsCapacity() {
        var deleted = DeletedIDs(capacity: 2)
        deleted.remember("a", version: version)
        deleted.remember("b", version: version)
        deleted.remember("c", version: version)
        #expect(deleted.version(of: "a") == nil)
        #expect(deleted.count == 2)
    }

    @Test func aRefreshedIdOutlivesItsEarlierQueueEntry() {
        var deleted = DeletedIDs(capacity: 2)
        deleted.remember("a", version: version)
        deleted.remember("b", version: version)
        deleted.remember("a", version: version)
        deleted.remember("c", version: version)
        #expect(deleted.version(of: "a") == version)
        #expect(deleted.version(of: "b") == nil)
    }
}
