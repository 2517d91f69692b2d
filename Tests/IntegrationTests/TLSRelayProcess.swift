import Foundation

/// `scripts/tls-relay.py` for a test: TLS on an ephemeral loopback port in front of a plain TCP
/// target, with a throwaway CA and server certificate the script makes with `openssl` in a
/// temporary folder (deleted on deinit; nothing private is committed).
final class TLSRelayProcess: Sendable {
    let process: Process
    let port: Int
    let log: LogCollector
    /// The folder holding the generated `ca.pem`, `server.pem` and their keys.
    let directory: String

    /// The CA file to give ratingsd's `--ca-file`.
    var caFile: String { directory + "/ca.pem" }

    /// A relay forwarding to 127.0.0.1:`targetPort`.
    init(targetPort: Int, startupTimeout: TimeInterval = 60) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ratingsd-tls-\(UInt32.random(in: 0...UInt32.max))").path
        (process, port, log) = try ListeningProcess.start(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: [
                "python3", DemoModeTests.repositoryRoot.appendingPathComponent("scripts/tls-relay.py").path,
                "--target", "127.0.0.1:\(targetPort)", "--cert-dir", directory,
            ],
            startupTimeout: startupTimeout)
    }

    deinit {
        // SIGTERM, then SIGKILL after five seconds: a test must never hang on the relay.
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning && ContinuousClock.now < deadline { usleep(5_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
