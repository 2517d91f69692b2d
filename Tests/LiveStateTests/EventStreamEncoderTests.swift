import Testing
@testable import LiveState

/// The text/event-stream writer: field syntax, line splitting, refusal of line breaks.
struct EventStreamEncoderTests {
    func encode(id: String?, event: String?, data: String) -> String? {
        var output: [UInt8] = []
        guard EventStreamEncoder.appendEvent(id: id, event: event, data: Array(data.utf8), to: &output) else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func oneLineDataIsOneFieldEndedByABlankLine() {
        #expect(encode(id: "7", event: "rating", data: #"{"a":1}"#) == "id: 7\nevent: rating\ndata: {\"a\":1}\n\n")
    }

    @Test func multiLineDataBecomesOneDataLinePerLineWhateverTheLineBreak() {
        #expect(encode(id: nil, event: nil, data: "a\nb\r\nc\rd") == "data: a\ndata: b\ndata: c\ndata: d\n\n")
    }

    @Test func trailingAndEmptyLinesSurviveAsEmptyDataLines() {
        #expect(encode(id: nil, event: nil, data: "a\n\n") == "data: a\ndata: \ndata: \n\n")
        #expect(encode(id: nil, event: nil, data: "") == "data: \n\n")
    }

    @Test func idOrEventHoldingCROrLFOrNULIsRefusedAndNothingWritten() {
        for bad in ["1\n2", "1\r", "a\u{0}b"] {
            #expect(encode(id: bad, event: "rating", data: "x") == nil)
            #expect(encode(id: "1", event: bad, data: "x") == nil)
        }
        #expect(EventStreamEncoder.isFieldValue("rating_deleted"))
    }

    @Test func commentsCannotSmuggleLinesAndRetryIsItsOwnBlock() {
        #expect(String(decoding: EventStreamEncoder.comment("a\nb"), as: UTF8.self) == ": a b\n\n")
        #expect(String(decoding: EventStreamEncoder.retry(milliseconds: 3000), as: UTF8.self) == "retry: 3000\n\n")
    }

    @Test func storeEventsShareTheDocumentAndFallBackToSplittingWhenItHasLineBreaks() {
        let single = StoreEvent(sequence: 12, kind: .ratingDeleted, ticker: "AAPL", importance: nil, document: Array("{}".utf8))
        var output: [UInt8] = []
        single.append(to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "id: 12\nevent: rating_deleted\ndata: {}\n\n")
        #expect(single.encodedCount == output.count)
        let multi = StoreEvent(sequence: 3, kind: .insight, ticker: "A", importance: nil, document: Array("x\ny".utf8))
        output = []
        multi.append(to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "id: 3\nevent: insight\ndata: x\ndata: y\n\n")
    }

    @Test func headWritesEveryIdsDigits() {
        for id: UInt64 in [0, 7, 10, 99, 100, 1_763_694_000_123_456, UInt64.max] {
            let head = EventStreamEncoder.head(id: id, event: "rating_deleted")
            #expect(String(decoding: head, as: UTF8.self) == "id: \(id)\nevent: rating_deleted\ndata: ")
        }
    }
}

