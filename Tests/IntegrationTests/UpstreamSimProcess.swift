import Foundation

/// A real `upstream-sim` process started for a test on 127.0.0.1 and an ephemeral port, read
/// from its "listening" log line.
final class UpstreamSimProcess: Sendable {
    let process: Process
    let port: Int
    let log: LogCollector

    /// Starts the simulator on `port` (0: an ephemeral one) with `arguments` after host and port.
    init(arguments: [String] = [], port: Int = 0, startupTimeout: TimeInterval = 60) throws {
        (self.process, self.port, self.log) = try ListeningProcess.start(
            executable: RatingsdProcess.executableURL(named: "upstream-sim"),
            arguments: ["--host", "127.0.0.1", "--port", "\(port)"] + arguments, startupTimeout: startupTimeout)
    }

    /// The `ws://` URL of `path` on this simulator with `query`.
    func url(_ path: String, _ query: String) -> String {
        "ws://127.0.0.1:\(port)\(path)?\(query)"
    }

    /// Sends SIGTERM and waits for the exit status; after `patience` without an exit, kills
    /// the process (the status then says SIGKILL) so a test can never hang on it.
    @discardableResult
    func terminate(patience: Duration = .seconds(10)) -> Int32 {
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + patience
        while process.isRunning && ContinuousClock.now < deadline { usleep(5_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        terminate()
    }
}
