/// The normalised form of a rating's `action_pt` (`Announces`, `Maintains`, `Lowers`,
/// `Raises`, `Removes`).
///
/// Matching folds case and punctuation and looks at the stem (`Raises`, `raised`, `RAISE` are
/// all `raise`); unknown text is `other`, absent or blank text nil.
public enum PriceTargetAction: String, Sendable, Hashable, CaseIterable {
    case announce
    case maintain
    case lower
    case raise
    case remove
    case other

    /// Every normalised name.
    public static let allNames: [String] = allCases.map(\.rawValue)

    /// Normalises upstream text; nil when the text is absent or has no letters or digits.
    public init?(normalizing text: String?) {
        guard let text, let action = WordFolding.match(text, in: PriceTargetAction.stems, byPrefix: true, otherwise: .other) else {
            return nil
        }
        self = action
    }

    private static let stems: [(StaticString, PriceTargetAction)] = [
        ("maintain", .maintain), ("rais", .raise), ("lower", .lower),
        ("announc", .announce), ("remov", .remove),
    ]
}
