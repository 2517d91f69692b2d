import Foundation

/// Runs `scripts/validate-openapi.py` against a running server: every response it fetches must
/// match openapi/openapi.yaml.
enum ContractValidator {
    /// The validator's exit status and everything it printed.
    static func run(port: Int) throws -> (status: Int32, output: String) {
        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validator.arguments = [
            "python3", DemoModeTests.repositoryRoot.appendingPathComponent("scripts/validate-openapi.py").path,
            "--base-url", "http://127.0.0.1:\(port)",
        ]
        let output = Pipe()
        validator.standardOutput = output
        validator.standardError = output
        try validator.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validator.waitUntilExit()
        return (validator.terminationStatus, text)
    }
}
