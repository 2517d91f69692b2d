/// The normalised form of a rating's `action_company` (and an insight's `action`).
///
/// Matching folds case and punctuation and looks at the word's stem, so `Upgrades`, `upgrade`,
/// `UPGRADED` are all `upgrade` and `Initiates Coverage On` is `initiate`. Text that names none
/// of these is `other`; absent or blank text has no action at all (nil), so a query for
/// `other` does not return records that carry no action.
public enum RatingAction: String, Sendable, Hashable, CaseIterable {
    case upgrade
    case downgrade
    case maintain
    case initiate
    case reiterate
    case reinstate
    case assume
    case terminate
    case remove
    case suspend
    case firmDissolved = "firm_dissolved"
    case other

    /// Every normalised name, as the API accepts them in `action=`.
    public static let allNames: [String] = allCases.map(\.rawValue)

    /// Normalises upstream text; nil when the text is absent or has no letters or digits.
    public init?(normalizing text: String?) {
        guard let text, let action = WordFolding.match(text, in: RatingAction.stems, byPrefix: true, otherwise: .other) else {
            return nil
        }
        self = action
    }

    /// Folded stems; no stem is a prefix of another, so the order only matters for speed
    /// (commonest first).
    private static let stems: [(StaticString, RatingAction)] = [
        ("maintain", .maintain), ("upgrade", .upgrade), ("downgrade", .downgrade),
        ("initiat", .initiate), ("reiterat", .reiterate), ("reinstat", .reinstate),
        ("assum", .assume), ("terminat", .terminate), ("remov", .remove),
        ("suspend", .suspend), ("firmdissolv", .firmDissolved), ("dissolv", .firmDissolved),
    ]
}
