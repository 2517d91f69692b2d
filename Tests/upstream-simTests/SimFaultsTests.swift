import Testing
@testable import upstream_sim

/// Fault specifications from flags and URLs.
struct SimFaultsTests {
    @Test func everyKindParsesWithItsCount() throws {
        let faults = try SimFaults(["drop:10,fragment", "malformed:3", "oversized", "non-utf8:2", "status:429", "silence"])
        #expect(faults.dropAfter == 10)
        #expect(faults.fragment)
        #expect(faults.malformedAfter == 3)
        #expect(faults.oversizedAfter == 0)
        #expect(faults.nonUTF8After == 2)
        #expect(faults.upgradeStatus == 429)
        #expect(faults.silence)
        #expect(faults.summary == "drop:10,fragment,malformed:3,oversized:0,non-utf8:2,status:429,silence")
    }

    @Test func urlFaultsAddToFlagFaultsAndALaterCountWins() throws {
        let base = try SimFaults(["drop:5", "fragment"])
        let faults = try SimFaults(["drop:7"], over: base)
        #expect(faults.dropAfter == 7)
        #expect(faults.fragment)
    }

    @Test func noFaultsIsEmptyAndSaysNone() throws {
        let faults = try SimFaults(["", " , "])
        #expect(faults.isEmpty)
        #expect(faults.summary == "none")
    }

    @Test(arguments: ["drop", "drop:0", "drop:x", "status:500", "status", "fragment:2", "silence:1", "explode", "malformed:-1"])
    func unusableSpecificationsAreRefused(_ specification: String) {
        #expect(throws: SimFaults.ParseError.self) { try SimFaults([specification]) }
    }
}
