/// How the simulator paces and shapes its streams; every value has a default.
struct SimSettings: Sendable {
    /// Data messages per second on each path (from the first connection to that path on).
    var rate: Double = 20
    /// How often every connection gets a ping frame.
    var pingInterval: Duration = .seconds(10)
    /// After the last fixture line: go on with fresh ids and timestamps (true) or send no more data.
    var loop = true
    /// Messages a `replay` command re-sends (Benzinga documents 100).
    var replayCapacity = 100
    /// Size of the `oversized` fault's text message: just over the 1 MiB clients accept.
    var oversizedBytes = 1024 * 1024 + 1
    /// Seed of the fresh envelope ids of looped messages.
    var seed: UInt64 = 1
    /// Longest the pacing thread sleeps, so a stop is noticed quickly.
    var maxSleep: Duration = .milliseconds(50)
}
