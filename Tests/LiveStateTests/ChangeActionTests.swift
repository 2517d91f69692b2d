import Testing
import LiveState

@Suite struct ChangeActionTests {
    @Test(arguments: ["created", "Created", "CREATED", "cReAtEd"])
    func parsesCreatedInAnyCase(text: String) {
        #expect(ChangeAction(lenient: text) == .created)
    }

    @Test func parsesUpdatedAndDeleted() {
        #expect(ChangeAction(lenient: "Updated") == .updated)
        #expect(ChangeAction(lenient: "DELETED") == .deleted)
    }

    @Test(arguments: ["", "create", "removed", " created", "créated"])
    func refusesAnythingElse(text: String) {
        #expect(ChangeAction(lenient: text) == nil)
    }
}
