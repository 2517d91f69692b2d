import Foundation
import Testing
@testable import WebSocket

/// Throughput of the receive path without I/O, run on demand (not a timed test):
/// `RATINGSD_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter WebSocketDecodeBenchmarkTests`
@Suite(.enabled(if: ProcessInfo.processInfo.environment["RATINGSD_BENCH"] == "1"), .serialized)
struct WebSocketDecodeBenchmarkTests {
    @Test func decodesTypicalFeedFramesThroughTheConnectionState() {
        let message = #"{"id":"6f1c2f4e-8d7a-4b1e-9a51-0c3e2b7d9f10","api_version":"websocket/v1","kind":"Data/Ratings","#
            + #""data":{"action":"Created","id":"65a1b2c3d4e5f60718293a4b","content":{"ticker":"AAPL","action_company":"Maintains","#
            + #""pt_current":"200.00","pt_prior":"190.00","analyst":"Jane Doe","updated":1696790400}}}"#
        let frame = WebSocketFrameEncoder(role: .server).text(message)
        // 64 KiB reads, as the client does them.
        let perRead = 65536 / frame.count
        let chunk = [[UInt8]](repeating: frame, count: perRead).flatMap { $0 }
        let reads = 2000
        var state = WebSocketConnectionState(role: .client)
        var messages = 0
        let start = ContinuousClock.now
        for _ in 0..<reads {
            chunk.withUnsafeBytes { state.receive($0) }
            while let action = state.nextAction(now: start) {
                if case .deliver(.text(let bytes)) = action { messages += bytes.isEmpty ? 0 : 1 }
            }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        #expect(messages == reads * perRead)
        print("WebSocket decode: \(messages) frames of \(frame.count) bytes in \(String(format: "%.3f", seconds)) s = \(Int(Double(messages) / seconds)) frames/s")
    }
}
