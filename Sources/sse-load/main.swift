import Glibc

// sse-load: opens N `GET /events` subscribers to a running ratingsd and reports, on one line of
// key=value pairs, what they received. Throughput mode: events/s delivered in total over
// `--duration`, ratingsd's CPU share over the same window (from /proc/PID/stat) and its own, and
// the p50/p99 from apply to receipt, taken from the `received_at` (when ratingsd applied it) of
// consensus events on `--sampled` subscribers spread evenly over all: receipt is when the
// kernel received the bytes (`SO_TIMESTAMPNS`), and `read_` figures are when this client read
// them. Idle mode (`--idle`): ratingsd's resident memory
// before and after opening the subscribers, and the difference per subscriber.

guard let options = LoadOptions(Array(CommandLine.arguments.dropFirst())) else {
    print(LoadOptions.usage)
    exit(2)
}
var limit = rlimit()
getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
limit.rlim_cur = limit.rlim_max
setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)

let probe = ProcessProbe(pid: options.pid)
let client = LoadClient(options: options)
let rssBefore = options.pid > 0 ? probe.residentBytes() : nil
let connectStart = LoadClient.monotonic()
guard client.connectAll() else { exit(1) }
let connectSeconds = LoadClient.monotonic() - connectStart

func format(_ value: Double, _ digits: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return String((value * scale).rounded() / scale)
}

if options.idle {
    client.run(seconds: options.warmup)
    guard let before = rssBefore, let after = probe.residentBytes() else {
        print("error: --idle needs --pid of ratingsd")
        exit(2)
    }
    let perSubscriber = Double(after - before) / Double(options.subscribers)
    print("mode=idle subscribers=\(options.subscribers) connect_s=\(format(connectSeconds, 2)) rss_before_kib=\(before / 1024) rss_after_kib=\(after / 1024) rss_per_subscriber_kib=\(format(perSubscriber / 1024, 2)) closed=\(client.closed)")
    exit(0)
}

client.run(seconds: options.warmup)
let eventsBefore = client.totalEvents
let cpuBefore = probe.cpuSeconds()
let clientCPUBefore = LoadClient.cpuSeconds()
let start = LoadClient.monotonic()
client.recording = true
client.run(seconds: options.duration)
client.recording = false
let elapsed = LoadClient.monotonic() - start
let delivered = client.totalEvents - eventsBefore
let cpu = cpuBefore.flatMap { before in probe.cpuSeconds().map { ($0 - before) / elapsed * 100 } }
let clientCPU = (LoadClient.cpuSeconds() - clientCPUBefore) / elapsed * 100
let sorted = client.latencies.sorted()
let sortedReads = client.readLatencies.sorted()
func percentile(_ p: Double, of sorted: [Double] = sorted) -> String {
    sorted.isEmpty ? "n/a" : format(sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)])
}
print([
    "mode=throughput", "subscribers=\(options.subscribers)", "seconds=\(format(elapsed, 2))",
    "events_per_s=\(format(Double(delivered) / elapsed, 0))",
    "per_subscriber_per_s=\(format(Double(delivered) / elapsed / Double(options.subscribers), 1))",
    "ratingsd_cpu_pct=\(cpu.map { format($0) } ?? "n/a")", "client_cpu_pct=\(format(clientCPU))",
    "read_interval_ms=\(options.readIntervalMilliseconds)", "latency_samples=\(sorted.count)",
    "p50_ms=\(percentile(0.5))", "p99_ms=\(percentile(0.99))", "max_ms=\(percentile(1))",
    "read_p50_ms=\(percentile(0.5, of: sortedReads))", "read_p99_ms=\(percentile(0.99, of: sortedReads))",
    "closed=\(client.closed)",
].joined(separator: " "))
