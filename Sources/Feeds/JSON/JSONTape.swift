/// A JSON document as a flat list of its values in document order, each pointing at its bytes
/// in the input: what `JSONTokenizer` produces for readers that want a few fields fast.
///
/// Nothing is built for a value until a reader asks: member names stay bytes (with their
/// `JSONKey` hash), strings stay byte ranges (escaped ones are decoded once, into `decoded`),
/// numbers stay digits. A container's entry is followed by its elements' entries and records
/// where its subtree ends, so a reader walks one object's members by hopping over their
/// subtrees. Offsets refer to the input the tape was built from: read it only together with
/// those same bytes (`withView`).
public struct JSONTape: Sendable {
    /// The JSON type of one value.
    public enum Kind: UInt8, Sendable {
        /// `null`.
        case null
        /// `false`.
        case `false`
        /// `true`.
        case `true`
        /// A number; its bytes are the literal.
        case number
        /// A string; its bytes are the content without quotes, escapes decoded.
        case string
        /// An array; its elements follow it.
        case array
        /// An object; its members follow it.
        case object
    }

    /// One value, with the member name it has in its object (none for array elements and the
    /// root).
    public struct Entry: Sendable {
        /// `JSONKey.hash(of:)` of the decoded member name; 0 without a name.
        public var keyHash: UInt64
        /// Where the member name's bytes start (in the input, or in `decoded` when
        /// `keyIsDecoded`).
        public var keyStart: Int
        /// Where the member name's bytes end; equal to `keyStart` without a name.
        public var keyEnd: Int
        /// Where the value's bytes start: a string's first content byte (in `decoded` when
        /// `valueIsDecoded`), a number's first digit or sign, a container's bracket.
        public var start: Int
        /// Where the value's bytes end (a string's closing quote, after a container's bracket).
        public var end: Int
        /// The index of the first entry after this value's subtree: the next member or element
        /// of its container, or where the container's own successor starts.
        public var next: Int
        /// The value's type.
        public var kind: Kind
        /// Whether the value's bytes are in `decoded` (a string with escapes).
        public var valueIsDecoded: Bool
        /// Whether the member name's bytes are in `decoded` (a name with escapes).
        public var keyIsDecoded: Bool
        /// For a non-empty object: where its member index starts in `memberIndex`; else 0.
        public var indexStart: Int32 = 0
        /// For a non-empty object: its member index's size minus one (a power of two minus
        /// one); -1 for other values.
        public var indexMask: Int32 = -1
    }

    /// The values, the root first.
    public internal(set) var entries: [Entry] = []
    /// Decoded bytes of strings and member names that had escapes; empty for most documents.
    public internal(set) var decoded: [UInt8] = []
    /// Every non-empty object's open-addressing table from member-name hash to member entry
    /// (-1 for a free slot), at most half full, so a lookup is a probe or two, not a scan.
    public internal(set) var memberIndex: [Int32] = []

    /// An empty tape, filled by `JSONTokenizer`.
    public init() {}

    /// Empties the tape, keeping its memory for the next document.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        decoded.removeAll(keepingCapacity: true)
        memberIndex.removeAll(keepingCapacity: true)
    }

    /// Runs `body` with a view of this tape over `input`, the bytes it was built from.
    /// Always inlined: as a generic call, the decoder's result was copied field by field
    /// through value witnesses on the way out.
    @inline(__always)
    public func withView<Result, Failure: Error>(
        over input: UnsafeBufferPointer<UInt8>, _ body: (JSONTapeView) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try entries.withUnsafeBufferPointer { entries throws(Failure) in
            try decoded.withUnsafeBufferPointer { decoded throws(Failure) in
                try memberIndex.withUnsafeBufferPointer { memberIndex throws(Failure) in
                    try body(JSONTapeView(input: input, entries: entries, decoded: decoded, memberIndex: memberIndex))
                }
            }
        }
    }
}
