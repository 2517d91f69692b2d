import Foundation

/// Starts one of the package's executables and waits for its "listening" log line: the shared
/// start-up of `RatingsdProcess` and `UpstreamSimProcess`.
enum ListeningProcess {
    /// The running process, the port it reported, and its collected log (stderr).
    static func start(
        executable: URL, arguments: [String], environment: [String: String]? = nil, startupTimeout: TimeInterval
    ) throws -> (process: Process, port: Int, log: LogCollector) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        let log = LogCollector()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                log.end()
            } else {
                log.append(data)
            }
        }
        try process.run()
        guard let port = log.waitForListeningPort(timeout: startupTimeout) else {
            process.terminate()
            process.waitUntilExit()
            throw RatingsdProcess.StartupError(log: log.text)
        }
        return (process, port, log)
    }
}
