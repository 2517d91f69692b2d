import Synchronization
import Testing
import HTTPServer

@Suite struct ShutdownRequestTests {
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
        func bump() { value.add(1, ordering: .relaxed) }
        var count: Int { value.load(ordering: .relaxed) }
    }

    @Test func aRequestBeforeTheActionIsSetRunsTheActionOnceItIsSet() {
        let request = ShutdownRequest()
        let counter = Counter()
        request.request()
        #expect(counter.count == 0)
        request.perform { counter.bump() }
        #expect(counter.count == 1)
    }

    @Test func aRequestAfterTheActionIsSetRunsItAtOnce() {
        let request = ShutdownRequest()
        let counter = Counter()
        request.perform { counter.bump() }
        #expect(counter.count == 0)
        request.request()
        #expect(counter.count == 1)
    }

    @Test func repeatedRequestsRunTheActionOnlyOnce() {
        let request = ShutdownRequest()
        let counter = Counter()
        request.perform { counter.bump() }
        request.request()
        request.request()
        #expect(counter.count == 1)
    }
}
