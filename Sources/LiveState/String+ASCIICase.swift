/// ASCII-only case folding for protocol tokens and names, where Unicode case folding would be
/// wrong (and slow).
extension String {
    /// Equality that ignores the letter case of ASCII letters only (`Goldman SACHS` equals
    /// `goldman sachs`; non-ASCII bytes must match exactly).
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        let mine = utf8
        let theirs = other.utf8
        guard mine.count == theirs.count else { return false }
        for (a, b) in zip(mine, theirs) where a != b {
            let foldedA = a >= 65 && a <= 90 ? a | 0x20 : a
            let foldedB = b >= 65 && b <= 90 ? b | 0x20 : b
            if foldedA != foldedB { return false }
        }
        return true
    }
}
