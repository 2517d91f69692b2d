/// Where the live state comes from.
public enum ServiceMode: String, Sendable, Equatable {
    /// Replaying the embedded Fixtures (no `BENZINGA_TOKEN`).
    case demo
    /// Connected to Benzinga's streams.
    case live
}
