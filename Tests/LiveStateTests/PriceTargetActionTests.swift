import Testing
import LiveState

@Suite struct PriceTargetActionTests {
    @Test(arguments: [
        ("Announces", PriceTargetAction.announce), ("Maintains", .maintain), ("Lowers", .lower),
        ("Raises", .raise), ("Removes", .remove), ("RAISES", .raise), ("raised", .raise),
        ("lowered", .lower), ("announce", .announce),
    ])
    func mapsUpstreamWordsCaseInsensitively(text: String, expected: PriceTargetAction) {
        #expect(PriceTargetAction(normalizing: text) == expected)
    }

    @Test func mapsUnknownWordsToOtherAndBlankToNil() {
        #expect(PriceTargetAction(normalizing: "Sets") == .other)
        #expect(PriceTargetAction(normalizing: "") == nil)
        #expect(PriceTargetAction(normalizing: nil) == nil)
    }

    @Test func exposesEveryNormalisedName() {
        #expect(PriceTargetAction.allNames == ["announce", "maintain", "lower", "raise", "remove", "other"])
    }
}
