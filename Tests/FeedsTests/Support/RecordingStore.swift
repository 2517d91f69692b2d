import Foundation
import LiveState

/// A `StoreWriting` fake that records every call, learns ISINs from applied ratings and
/// insights as the real store does, and lets a test wait for a number of calls.
final class RecordingStore: StoreWriting, @unchecked Sendable {
    // Safety: every `var` is read and written with `condition` locked.
    private let condition = NSCondition()
    private var appliedMessages: [FeedMessage] = []
    private var letters: [DeadLetter] = []
    private var isins: [String: String] = [:]
    private var seenEnvelopes: Set<String> = []
    private var duplicateCount = 0

    func apply(_ message: FeedMessage, receivedAt: Timestamp) -> ApplyOutcome {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        if let id = message.envelopeID, !seenEnvelopes.insert(id).inserted {
            duplicateCount += 1
            return .duplicate
        }
        appliedMessages.append(message)
        switch message.change {
        case .rating(_, let rating): if let isin = rating.isin { isins[isin] = rating.ticker }
        case .insight(_, let insight): if let isin = insight.isin { isins[isin] = insight.ticker }
        default: break
        }
        return .applied(sequence: UInt64(appliedMessages.count))
    }

    func recordDeadLetter(_ letter: DeadLetter) {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        letters.append(letter)
    }

    func ticker(forISIN isin: String) -> String? {
        condition.lock()
        defer { condition.unlock() }
        return isins[isin]
    }

    var applied: [FeedMessage] {
        condition.lock()
        defer { condition.unlock() }
        return appliedMessages
    }

    /// Messages refused as duplicates (same envelope id).
    var duplicates: Int {
        condition.lock()
        defer { condition.unlock() }
        return duplicateCount
    }

    /// Every call to `apply` or `recordDeadLetter`; call with `condition` locked.
    private var calls: Int { appliedMessages.count + duplicateCount + letters.count }

    var deadLetters: [DeadLetter] {
        condition.lock()
        defer { condition.unlock() }
        return letters
    }

    /// Waits until at least `count` calls (applied or dead letters) were made, or the timeout.
    func waitForCalls(_ count: Int, timeout: TimeInterval) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while calls < count {
            if !condition.wait(until: deadline) { return calls >= count }
        }
        return true
    }
}
