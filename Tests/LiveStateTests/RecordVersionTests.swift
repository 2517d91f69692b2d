import Testing
@testable import LiveState

@Suite struct RecordVersionTests {
    private func version(_ updated: Int64?, _ timestamp: Int64?) -> RecordVersion {
        RecordVersion(
            updated: updated.map { Timestamp(millisecondsSinceEpoch: $0) },
            timestamp: timestamp.map { Timestamp(millisecondsSinceEpoch: $0) })
    }

    @Test func comparesUpdatedFirst() {
        #expect(version(2, 1).order(comparedTo: version(1, 9)) == .newer)
        #expect(version(1, 9).order(comparedTo: version(2, 1)) == .older)
    }

    @Test func fallsBackToTimestampWhenUpdatedTies() {
        #expect(version(1, 2).order(comparedTo: version(1, 1)) == .newer)
        #expect(version(1, 1).order(comparedTo: version(1, 1)) == .same)
    }

    @Test func comparesOnlyWhatBothCarry() {
        #expect(version(nil, 2).order(comparedTo: version(5, 1)) == .newer)
        #expect(version(5, nil).order(comparedTo: version(5, 3)) == .same)
        #expect(version(5, nil).order(comparedTo: version(nil, 3)) == .unknown)
        #expect(version(nil, nil).order(comparedTo: version(nil, nil)) == .unknown)
    }

    @Test func mergesToTheNewestOfEachField() {
        #expect(version(1, nil).merged(with: version(3, 2)) == version(3, 2))
        #expect(version(4, 1).merged(with: version(3, nil)) == version(4, 1))
        #expect(version(nil, nil).isEmpty)
    }
}
