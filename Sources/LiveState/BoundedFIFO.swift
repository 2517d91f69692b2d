/// A ring buffer that keeps the newest `capacity` elements, dropping the oldest when full.
struct BoundedFIFO<Element: Sendable>: Sendable {
    /// The most elements kept.
    let capacity: Int
    private var storage: [Element] = []
    /// Where the next element goes once the buffer is full (the oldest element's slot).
    private var next = 0

    /// An empty buffer; a negative capacity keeps nothing.
    init(capacity: Int) {
        self.capacity = Swift.max(0, capacity)
    }

    /// Elements held now.
    var count: Int { storage.count }

    /// Appends an element and returns the one it pushed out, if the buffer was full. With a
    /// capacity of 0 nothing is kept and the element itself comes back.
    @discardableResult
    mutating func append(_ element: Element) -> Element? {
        guard capacity > 0 else { return element }
        if storage.count < capacity {
            storage.append(element)
            return nil
        }
        let dropped = storage[next]
        storage[next] = element
        next = (next + 1) % capacity
        return dropped
    }

    /// Every element, newest first.
    var newestFirst: [Element] {
        guard !storage.isEmpty else { return [] }
        var result: [Element] = []
        result.reserveCapacity(storage.count)
        let newest = storage.count < capacity ? storage.count - 1 : (next + capacity - 1) % capacity
        var index = newest
        for _ in 0..<storage.count {
            result.append(storage[index])
            index = index == 0 ? storage.count - 1 : index - 1
        }
        return result
    }
}
