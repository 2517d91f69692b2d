/// The five-step scale every broker word and consensus label is normalised onto.
///
/// Matching folds case and punctuation, so `Strong Buy`, `STRONG_BUY`, `strong-buy` and
/// `StrongBuy` agree, as do `Equal-Weight` and `Equal Weight`. Words outside the known lists
/// (`Speculative`, `Not Rated`, ...) have no normalised form (nil): guessing would mislead.
public enum RatingScale: String, Sendable, Hashable, CaseIterable {
    case strongBuy = "strong_buy"
    case buy
    case hold
    case sell
    case strongSell = "strong_sell"

    /// Every normalised name.
    public static let allNames: [String] = allCases.map(\.rawValue)

    /// Normalises a broker word or consensus label; nil when absent or unknown.
    public init?(normalizing text: String?) {
        guard let text, let scale = WordFolding.match(text, in: RatingScale.words, byPrefix: false, otherwise: nil) else {
            return nil
        }
        self = scale
    }

    /// Folded words; commonest first since the list is scanned.
    private static let words: [(StaticString, RatingScale)] = [
        ("buy", .buy), ("hold", .hold), ("neutral", .hold), ("outperform", .buy),
        ("overweight", .buy), ("equalweight", .hold), ("underweight", .sell),
        ("marketperform", .hold), ("sell", .sell), ("underperform", .sell),
        ("strongbuy", .strongBuy), ("strongsell", .strongSell),
        ("toppick", .strongBuy), ("convictionbuy", .strongBuy),
        ("accumulate", .buy), ("positive", .buy), ("sectoroutperform", .buy),
        ("marketoutperform", .buy), ("add", .buy),
        ("sectorperform", .hold), ("sectorweight", .hold), ("peerperform", .hold),
        ("inline", .hold), ("perform", .hold),
        ("reduce", .sell), ("negative", .sell), ("sectorunderperform", .sell),
        ("marketunderperform", .sell),
    ]
}
