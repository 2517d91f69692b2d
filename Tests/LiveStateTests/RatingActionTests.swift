import Testing
import LiveState

@Suite struct RatingActionTests {
    @Test(arguments: [
        ("Upgrades", RatingAction.upgrade), ("upgrade", .upgrade), ("UPGRADES", .upgrade), ("Upgraded", .upgrade),
        ("Downgrades", .downgrade), ("Maintains", .maintain), ("Reiterates", .reiterate),
        ("Reinstates", .reinstate), ("Assumes", .assume), ("Initiates Coverage On", .initiate),
        ("Initiates", .initiate), ("initiated", .initiate), ("Terminates Coverage On", .terminate),
        ("Removes", .remove), ("Suspends", .suspend), ("Firm Dissolved", .firmDissolved),
        ("firm_dissolved", .firmDissolved), ("  maintains  ", .maintain),
    ])
    func mapsUpstreamWordsCaseInsensitively(text: String, expected: RatingAction) {
        #expect(RatingAction(normalizing: text) == expected)
    }

    @Test(arguments: ["Sets", "Adjusts", "Unknown Word", "Kauft", "9"])
    func mapsUnknownWordsToOther(text: String) {
        #expect(RatingAction(normalizing: text) == .other)
    }

    @Test func hasNoActionForAbsentOrBlankText() {
        #expect(RatingAction(normalizing: nil) == nil)
        #expect(RatingAction(normalizing: "") == nil)
        #expect(RatingAction(normalizing: "  - ") == nil)
    }

    @Test func exposesEveryNormalisedName() {
        #expect(RatingAction.allNames == [
            "upgrade", "downgrade", "maintain", "initiate", "reiterate", "reinstate", "assume",
            "terminate", "remove", "suspend", "firm_dissolved", "other",
        ])
    }

    @Test func survivesVeryLongText() {
        #expect(RatingAction(normalizing: "Upgrades" + String(repeating: "x", count: 10_000)) == .upgrade)
    }
}
