import Foundation

/// Collects a child process's log output and lets a test wait for a line to appear.
final class LogCollector: @unchecked Sendable {
    // Safe: every access to `buffer` holds `condition`'s lock.
    private let condition = NSCondition()
    private var buffer = ""
    private var ended = false

    /// Everything logged so far.
    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return buffer
    }

    func append(_ data: Data) {
        condition.lock()
        buffer += String(decoding: data, as: UTF8.self)
        condition.broadcast()
        condition.unlock()
    }

    /// Marks the output as complete (the process closed it, normally by exiting).
    func end() {
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the output is complete, so `text` holds every line the process wrote;
    /// false on timeout.
    func waitForEnd(timeout: TimeInterval) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !ended {
            guard condition.wait(until: deadline) else { return false }
        }
        return true
    }

    /// Waits until a line satisfies `match`, returning what `match` made of it, or nil on timeout.
    func waitForLine<T>(timeout: TimeInterval, _ match: (Substring) -> T?) -> T? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            for line in buffer.split(separator: "\n") {
                if let value = match(line) { return value }
            }
            guard condition.wait(until: deadline) else { return nil }
        }
    }

    /// The port of the `listening` line (`address=127.0.0.1:PORT`).
    func waitForListeningPort(timeout: TimeInterval) -> Int? {
        waitForLine(timeout: timeout) { line in
            guard line.contains("listening"), let range = line.range(of: "address=") else { return nil }
            let address = line[range.upperBound...].prefix { !$0.isWhitespace }
            guard let colon = address.lastIndex(of: ":") else { return nil }
            return Int(address[address.index(after: colon)...])
        }
    }
}
