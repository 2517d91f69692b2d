/// The command line of `sse-load`, parsed by hand (the tool has no dependencies beyond libc).
struct LoadOptions {
    var host = "127.0.0.1"
    var port = 8080
    /// Subscribers to open.
    var subscribers = 1_000
    /// The query of every `GET /events` (without `?`).
    var query = ""
    /// Seconds to let deliveries settle after everyone is connected, before measuring.
    var warmup = 2.0
    /// Seconds to measure.
    var duration = 10.0
    /// ratingsd's process id, for CPU and RSS from /proc; 0: not measured.
    var pid = 0
    /// Subscribers (spread over all) whose consensus events are parsed for the apply-to-receipt latency.
    var sampled = 50
    /// Connections opened at once before waiting for them to be subscribed.
    var connectBatch = 500
    /// Milliseconds between reads of the unsampled subscribers (all read in one sweep); 0: every
    /// subscriber is read as soon as it has bytes.
    var readIntervalMilliseconds = 0
    /// Measure memory per idle subscriber instead of throughput.
    var idle = false

    static let usage = """
        usage: sse-load [--host H] [--port P] [--subscribers N] [--query Q] [--warmup S] [--duration S]
                        [--pid PID] [--sampled N] [--connect-batch N] [--read-interval MS] [--idle]
        """

    /// Reads `arguments` (without the program name); nil on a malformed one.
    init?(_ arguments: [String]) {
        var rest = arguments[...]
        while let name = rest.popFirst() {
            if name == "--idle" {
                idle = true
                continue
            }
            guard let value = rest.popFirst() else { return nil }
            switch name {
            case "--host": host = value
            case "--port": guard let v = Int(value) else { return nil }; port = v
            case "--subscribers": guard let v = Int(value), v > 0 else { return nil }; subscribers = v
            case "--query": query = value
            case "--warmup": guard let v = Double(value) else { return nil }; warmup = v
            case "--duration": guard let v = Double(value), v > 0 else { return nil }; duration = v
            case "--pid": guard let v = Int(value) else { return nil }; pid = v
            case "--sampled": guard let v = Int(value) else { return nil }; sampled = v
            case "--connect-batch": guard let v = Int(value), v > 0 else { return nil }; connectBatch = v
            case "--read-interval": guard let v = Int(value), v >= 0 else { return nil }; readIntervalMilliseconds = v
            default: return nil
            }
        }
    }
}
