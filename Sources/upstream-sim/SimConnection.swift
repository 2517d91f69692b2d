import HTTPServer
import Logging
import Synchronization
import WebSocket

/// One client on one path: filters and frames the path's messages, answers its commands, and
/// injects its faults.
///
/// Called from two threads: the path's pacing thread (`send`, `sendPing`) and the event loop
/// (`receive`); the mutable state sits behind `state`'s lock, and the channel's writer is
/// thread-safe, so every frame (or fragment group) goes out whole and in order.
final class SimConnection: Sendable {
    /// Mutable state, behind the lock.
    struct State {
        var decoder = WebSocketMessageDecoder(role: .server)
        /// Data messages sent so far.
        var sent = 0
        var closed = false
    }

    /// The connection's number, for logs.
    let number: Int
    let feed: SimFeed
    let filter: SimTickerFilter
    let faults: SimFaults
    let settings: SimSettings
    let upgraded: HTTPUpgradedConnection
    let logger: Logger
    let encoder = WebSocketFrameEncoder(role: .server)
    let state = Mutex(State())

    /// A connection about to be attached to its path's channel.
    init(number: Int, feed: SimFeed, filter: SimTickerFilter, faults: SimFaults, settings: SimSettings, upgraded: HTTPUpgradedConnection, logger: Logger) {
        self.number = number
        self.feed = feed
        self.filter = filter
        self.faults = faults
        self.settings = settings
        self.upgraded = upgraded
        var logger = logger
        logger[metadataKey: "connection"] = "\(number)"
        self.logger = logger
    }

    /// Faults due before any message (count 0) fire now.
    func start() {
        state.withLock { state in injectFaults(&state) }
    }

    /// Sends one data message if the filter admits it (and the connection is not silenced).
    /// Faults count live messages only: a `replayed` one does not, so a connection dropped
    /// after N messages still gets N new ones past its replay, whatever the replay's length.
    func send(_ message: SimMessage, replayed: Bool = false) {
        guard !faults.silence, filter.admits(message.ticker) else { return }
        state.withLock { state in
            guard !state.closed else { return }
            upgraded.write(faults.fragment ? fragments(message.bytes) : encoder.encode(WebSocketFrame(opcode: .text, payload: message.bytes)))
            guard !replayed else { return }
            state.sent += 1
            injectFaults(&state)
        }
    }

    /// Sends a ping frame, unless silenced.
    func sendPing() {
        guard !faults.silence else { return }
        state.withLock { state in
            guard !state.closed else { return }
            upgraded.write(encoder.ping())
        }
    }

    /// The message as a text frame, a ping, then two continuation frames.
    private func fragments(_ bytes: [UInt8]) -> [UInt8] {
        let third = max(1, bytes.count / 3)
        let cuts = [0, min(third, bytes.count), min(2 * third, bytes.count), bytes.count]
        var out = encoder.encode(WebSocketFrame(fin: false, opcode: .text, payload: Array(bytes[cuts[0]..<cuts[1]])))
        out += encoder.ping(Array("mid-message".utf8))
        out += encoder.encode(WebSocketFrame(fin: false, opcode: .continuation, payload: Array(bytes[cuts[1]..<cuts[2]])))
        out += encoder.encode(WebSocketFrame(fin: true, opcode: .continuation, payload: Array(bytes[cuts[2]..<cuts[3]])))
        return out
    }

    /// Fires every fault whose count equals the live messages sent so far.
    private func injectFaults(_ state: inout State) {
        let count = state.sent
        if faults.malformedAfter == count {
            logger.notice("fault: malformed frame (reserved bit set)", metadata: ["after": "\(count)"])
            upgraded.write([0xC1, 0x02, 0x68, 0x69])
        }
        if faults.nonUTF8After == count {
            logger.notice("fault: text frame that is not UTF-8", metadata: ["after": "\(count)"])
            upgraded.write(encoder.encode(WebSocketFrame(opcode: .text, payload: [0x7B, 0xC3, 0x28, 0x7D])))
        }
        if faults.oversizedAfter == count {
            logger.notice("fault: oversized message", metadata: ["after": "\(count)", "bytes": "\(settings.oversizedBytes)"])
            upgraded.write(encoder.encode(WebSocketFrame(opcode: .text, payload: [UInt8](repeating: 0x20, count: settings.oversizedBytes))))
        }
        if faults.dropAfter == count {
            logger.notice("fault: dropping the connection without a close frame", metadata: ["after": "\(count)"])
            state.closed = true
            upgraded.close()
        }
    }
}
