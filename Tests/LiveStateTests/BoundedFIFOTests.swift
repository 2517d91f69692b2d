import Testing
@testable import LiveState

@Suite struct BoundedFIFOTests {
    @Test func keepsTheNewestElementsNewestFirst() {
        var fifo = BoundedFIFO<Int>(capacity: 3)
        let dropped = (1...3).map { fifo.append($0) }
        #expect(dropped == [nil, nil, nil])
        #expect(fifo.newestFirst == [3, 2, 1])
        let droppedLater = (4...5).map { fifo.append($0) }
        #expect(droppedLater == [1, 2])
        #expect(fifo.newestFirst == [5, 4, 3])
        #expect(fifo.count == 3)
    }

    @Test func wrapsAroundManyTimes() {
        var fifo = BoundedFIFO<Int>(capacity: 4)
        for value in 0..<103 { fifo.append(value) }
        #expect(fifo.newestFirst == [102, 101, 100, 99])
    }

    @Test func keepsNothingAtCapacityZero() {
        var fifo = BoundedFIFO<Int>(capacity: 0)
        let dropped = fifo.append(1)
        #expect(dropped == 1)
        #expect(fifo.newestFirst.isEmpty)
    }
}
