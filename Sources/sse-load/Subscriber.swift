import Glibc

/// One `GET /events` connection of the load client: undoes chunked framing and counts events
/// as bytes arrive, without building strings; a sampled subscriber also reads the
/// `received_at` of each consensus event (when ratingsd applied it) for the latency.
final class Subscriber {
    let fd: Int32
    let sampled: Bool
    /// HTTP status once the head is in; 0 before.
    private(set) var status = 0
    /// The first block (`retry:`) arrived: the stream is subscribed.
    private(set) var subscribed = false
    /// Events received (`data:` lines; ours are one line each).
    var events = 0
    /// The connection ended (closed by the server or failed).
    var ended = false
    private var head: [UInt8] = []
    private enum Chunk { case size, sizeLine, data, dataCR, dataLF }
    private var chunk = Chunk.size
    private var chunkSize = 0
    private var chunkLeft = 0
    private var dataMatch = 0
    private var stampMatch = 0
    private var stamp: [UInt8] = []
    private var capturing = false

    /// Gets the milliseconds from apply to receipt and to read of one sampled event.
    typealias Latency = (_ received: Double, _ read: Double) -> Void

    private static let dataPattern = Array("\ndata:".utf8)
    private static let stampPattern = Array("\"received_at\":\"".utf8)

    init(fd: Int32, sampled: Bool) {
        self.fd = fd
        self.sampled = sampled
    }

    /// Consumes received bytes; `latency` gets milliseconds from apply to `arrivedMilliseconds`
    /// (when the kernel received them) and to `readMilliseconds` (when they were read).
    func consume(_ bytes: UnsafeRawBufferPointer, arrivedMilliseconds: Double, readMilliseconds: Double, latency: Latency) {
        var index = 0
        if status == 0 {
            while index < bytes.count {
                head.append(bytes[index])
                index += 1
                if head.count >= 4 && head[head.count - 4..<head.count].elementsEqual([13, 10, 13, 10]) {
                    status = Int(String(decoding: head.dropFirst(9).prefix(3), as: UTF8.self)) ?? -1
                    head = []
                    break
                }
            }
        }
        while index < bytes.count {
            switch chunk {
            case .size:
                let byte = bytes[index]
                index += 1
                if let digit = Self.hex(byte) {
                    chunkSize = chunkSize * 16 + digit
                } else {
                    chunk = byte == 10 ? (chunkSize == 0 ? .size : .data) : .sizeLine
                    chunkLeft = chunkSize
                }
            case .sizeLine:
                if bytes[index] == 10 { chunk = chunkSize == 0 ? .size : .data }
                index += 1
            case .data:
                let take = min(chunkLeft, bytes.count - index)
                // onOpen writes `retry:` just before subscribing: any body byte means subscribed.
                subscribed = true
                scan(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + take)]), arrived: arrivedMilliseconds, read: readMilliseconds, latency: latency)
                index += take
                chunkLeft -= take
                if chunkLeft == 0 { chunk = .dataCR }
            case .dataCR:
                index += 1
                chunk = .dataLF
            case .dataLF:
                index += 1
                chunk = .size
                chunkSize = 0
            }
        }
    }

    /// Counts `\ndata:`, jumping between line feeds with memchr.
    private func scan(_ bytes: UnsafeRawBufferPointer, arrived: Double, read: Double, latency: Latency) {
        if sampled { scanStamps(bytes, arrived: arrived, read: read, latency: latency) }
        guard let base = bytes.baseAddress else { return }
        var index = 0
        while index < bytes.count {
            if dataMatch == 0 {
                guard let found = memchr(base + index, 10, bytes.count - index) else { return }
                let position = base.distance(to: UnsafeRawPointer(found))
                dataMatch = 1
                index = position + 1
                continue
            }
            let byte = bytes[index]
            if byte == Self.dataPattern[dataMatch] {
                dataMatch += 1
                if dataMatch == Self.dataPattern.count {
                    events += 1
                    dataMatch = 0
                }
                index += 1
            } else {
                dataMatch = 0
                if byte != 10 { index += 1 }
            }
        }
    }

    private func scanStamps(_ bytes: UnsafeRawBufferPointer, arrived: Double, read: Double, latency: Latency) {
        for byte in bytes {
            if capturing {
                if byte == UInt8(ascii: "\"") {
                    capturing = false
                    if let applied = Self.milliseconds(rfc3339: stamp).map(Double.init) { latency(arrived - applied, read - applied) }
                } else if stamp.count < 40 {
                    stamp.append(byte)
                }
                continue
            }
            if byte == Self.stampPattern[stampMatch] {
                stampMatch += 1
                if stampMatch == Self.stampPattern.count {
                    stampMatch = 0
                    capturing = true
                    stamp.removeAll(keepingCapacity: true)
                }
            } else {
                stampMatch = byte == Self.stampPattern[0] ? 1 : 0
            }
        }
    }

    private static func hex(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: Int(byte - 48)
        case 97...102: Int(byte - 87)
        case 65...70: Int(byte - 55)
        default: nil
        }
    }

    /// `2026-11-21T02:02:47.123Z` (milliseconds optional) as milliseconds since the epoch.
    static func milliseconds(rfc3339 text: [UInt8]) -> Int64? {
        guard text.count >= 20, text[4] == 45, text[10] == 84 else { return nil }
        func number(_ range: Range<Int>) -> Int64 {
            text[range].reduce(0) { $0 * 10 + Int64($1) - 48 }
        }
        var year = number(0..<4)
        let month = number(5..<7), day = number(8..<10)
        let seconds = number(11..<13) * 3600 + number(14..<16) * 60 + number(17..<19)
        let millis = text.count >= 24 && text[19] == 46 ? number(20..<23) : 0
        // Days from civil (Howard Hinnant).
        year -= month <= 2 ? 1 : 0
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return (days * 86_400 + seconds) * 1000 + millis
    }
}
