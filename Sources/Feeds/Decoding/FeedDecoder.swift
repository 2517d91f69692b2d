import LiveState

/// Turns the raw bytes of one upstream message into a `FeedMessage`, or says precisely why not.
///
/// The stream is the `source` the caller names (the connection the bytes arrived on), never the
/// message's `kind`: the consensus stream documents the ratings kind and the insights example
/// says `"stream_type"`. Pure and thread-safe: no I/O, no shared state; the only outside input
/// is `resolveISIN`, for consensus messages tied by ISIN.
public struct FeedDecoder: Sendable {
    /// The bounds every message is held to.
    public let limits: FeedLimits

    /// A decoder holding messages to `limits`.
    public init(limits: FeedLimits = FeedLimits()) {
        self.limits = limits
    }

    /// Decodes one message held in an array.
    public func decode(
        _ bytes: [UInt8], source: FeedSource, subscription: FeedSubscription = .unfiltered,
        resolveISIN: (String) -> String? = { _ in nil }
    ) -> Result<FeedMessage, DecodeFailure> {
        bytes.withUnsafeBufferPointer { decode($0, source: source, subscription: subscription, resolveISIN: resolveISIN) }
    }

    /// Decodes one message (one WebSocket text frame, or one fixture line without its newline).
    public func decode(
        _ input: UnsafeBufferPointer<UInt8>, source: FeedSource, subscription: FeedSubscription = .unfiltered,
        resolveISIN: (String) -> String? = { _ in nil }
    ) -> Result<FeedMessage, DecodeFailure> {
        var scratch = JSONTape()
        return decode(input, source: source, subscription: subscription, resolveISIN: resolveISIN, scratch: &scratch)
    }

    /// Decodes one message like `decode(_:source:subscription:resolveISIN:)`, tokenizing into
    /// `scratch`, whose memory one caller reuses from message to message (its content on
    /// return is of no further use).
    public func decode(
        _ input: UnsafeBufferPointer<UInt8>, source: FeedSource, subscription: FeedSubscription = .unfiltered,
        resolveISIN: (String) -> String? = { _ in nil }, scratch: inout JSONTape
    ) -> Result<FeedMessage, DecodeFailure> {
        decode(input, source: source, subscription: subscription, resolveISIN: resolveISIN, scratch: &scratch, strings: nil)
    }

    /// Decodes one message like `decode(_:source:subscription:resolveISIN:scratch:)`, taking
    /// repeating values (names, words, URLs, firm and analyst ids) from `strings` when given.
    func decode(
        _ input: UnsafeBufferPointer<UInt8>, source: FeedSource, subscription: FeedSubscription,
        resolveISIN: (String) -> String?, scratch: inout JSONTape, strings: StringInterner?
    ) -> Result<FeedMessage, DecodeFailure> {
        do throws(DecodeFailure) {
            return .success(try decodeMessage(
                input, source: source, subscription: subscription, resolveISIN: resolveISIN, scratch: &scratch,
                strings: strings))
        } catch {
            return .failure(error)
        }
    }

    /// Decodes one message like `decode(_:source:subscription:resolveISIN:scratch:strings:)`,
    /// throwing the failure instead of returning a `Result`: the pipeline's path, where the
    /// message moves on into the store.
    func decodeMessage(
        _ input: UnsafeBufferPointer<UInt8>, source: FeedSource, subscription: FeedSubscription,
        resolveISIN: (String) -> String?, scratch: inout JSONTape, strings: StringInterner?
    ) throws(DecodeFailure) -> FeedMessage {
        try tokenize(input, into: &scratch)
        return try scratch.withView(over: input) { view throws(DecodeFailure) -> FeedMessage in
            guard view.kind(0) == .object else {
                throw DecodeFailure(.notAnObject, "expected a JSON object at the top level, got \(TextRules.describe(view.value(0, trimming: true)))")
            }
            let envelope = FieldReader(view, object: 0, path: FeedKeys.root, limits: limits, strings: strings)
            let envelopeID = try envelope.identifier(FeedKeys.id)
            guard let data = try envelope.object(FeedKeys.data, path: FeedKeys.dataPath) else {
                throw envelope.missing(FeedKeys.data)
            }
            let change: Change
            switch source {
            case .ratings: change = try RatingMessageDecoder.decode(data)
            case .insights: change = try InsightMessageDecoder.decode(data)
            case .consensus:
                change = try ConsensusMessageDecoder.decode(data, subscription: subscription, resolveISIN: resolveISIN)
            }
            return FeedMessage(source: source, envelopeID: envelopeID, change: consume change)
        }
    }

    /// Size check, then JSON onto a tape; the tape is read without building a tree.
    private func tokenize(_ input: UnsafeBufferPointer<UInt8>, into tape: inout JSONTape) throws(DecodeFailure) {
        guard input.count <= limits.maxMessageBytes else {
            throw DecodeFailure(.tooLarge, "message is \(input.count) bytes, over the limit of \(limits.maxMessageBytes)")
        }
        guard input.contains(where: { !TextRules.isSpace($0) }) else {
            throw DecodeFailure(.empty, "empty message")
        }
        var tokenizer = JSONTokenizer(maxDepth: limits.maxDepth)
        do throws(JSONParseError) {
            try tokenizer.tokenize(input, into: &tape)
        } catch {
            throw DecodeFailure(error.kind == .tooDeep ? .tooDeep : .invalidJSON, error.description)
        }
    }
}
