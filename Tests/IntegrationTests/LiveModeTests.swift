import Foundation
import Testing

/// With a token set, this build refuses to pretend: it has no live consumers yet, so it exits
/// with a clear message, and the token's value never appears in what it prints.
@Suite struct LiveModeTests {
    @Test func aSetTokenIsRefusedClearlyWithoutPrintingIt() throws {
        let secret = "bz.production-secret-4f1a9c"
        let process = Process()
        process.executableURL = RatingsdProcess.executableURL
        process.arguments = ["--host", "127.0.0.1", "--port", "0"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BENZINGA_") }
        environment["BENZINGA_TOKEN"] = secret
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(text.contains("BENZINGA_TOKEN"))
        #expect(!text.contains(secret))
        #expect(!text.contains("4f1a9c"))
    }
}
