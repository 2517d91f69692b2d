import Foundation

/// A real `ratingsd` process started for a test: on 127.0.0.1, an ephemeral port, demo mode
/// unless the test passes a token. The port is read from its "listening" log line.
final class RatingsdProcess: Sendable {
    let process: Process
    let port: Int
    let log: LogCollector

    /// Where `swift build` put the executable: beside the test bundle.
    static var executableURL: URL { executableURL(named: "ratingsd") }

    /// Where `swift build` put the executable `name` (this package's): beside the test bundle.
    static func executableURL(named name: String) -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/\(name)")
    }

    init(arguments: [String] = [], environment: [String: String] = [:], startupTimeout: TimeInterval = 60) throws {
        var inherited = ProcessInfo.processInfo.environment
        inherited = inherited.filter { !$0.key.hasPrefix("BENZINGA_") && !$0.key.hasPrefix("RATINGSD_") }
        (process, port, log) = try ListeningProcess.start(
            executable: Self.executableURL,
            arguments: ["--host", "127.0.0.1", "--port", "0", "--threads", "2"] + arguments,
            environment: inherited.merging(environment) { $1 }, startupTimeout: startupTimeout)
    }

    /// Sends SIGTERM and waits for the exit status; once it returns, `log` holds everything the process wrote (its last lines can still be
    /// in the pipe when the exit is seen).
    func terminate() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        _ = log.waitForEnd(timeout: 10)
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The process exited or stayed silent before saying where it listens.
    struct StartupError: Error, CustomStringConvertible {
        let log: String
        var description: String { "ratingsd did not report a listening port; its log:\n\(log)" }
    }
}
