import Dispatch
import Foundation
import Glibc
import Synchronization
@testable import WebSocket
import WebSocketTestSupport

/// A throwaway test CA and a server certificate for 127.0.0.1, made by the `openssl` command
/// line in a temporary directory (deleted on deinit). Keys are fresh P-256 keys per run.
final class TestCertificates {
    let directory: String
    var caFile: String { directory + "/ca.pem" }
    var certificateFile: String { directory + "/server.pem" }
    var keyFile: String { directory + "/server.key" }

    /// The `openssl` executable, or nil if there is none on this machine.
    static let openssl: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    init(openssl: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ws-tls-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "subjectAltName=IP:127.0.0.1,DNS:localhost\n".write(toFile: directory + "/ext.cnf", atomically: true, encoding: .utf8)
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(openssl, ["req", "-x509"] + curve + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=ratingsd test CA"])
        try run(openssl, ["req"] + curve + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"])
        try run(openssl, ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                          "-out", "server.pem", "-days", "1", "-extfile", "ext.cnf"])
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    private func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PeerError(description: "openssl \(arguments[0]) failed") }
    }
}

/// `openssl s_server` for one TLS connection: what the client sends appears on its stdout,
/// what we write to its stdin goes to the client. Informational lines precede the client's
/// bytes on stdout, so reading starts at the upgrade request's "GET ".
final class OpenSSLServer: @unchecked Sendable {  // after init, only the script thread reads and writes
    private(set) var port = 0
    private let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private var buffer: [UInt8] = []

    init(openssl: String, certificates: TestCertificates) throws {
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["s_server", "-accept", "127.0.0.1:0", "-naccept", "1",
                             "-cert", certificates.certificateFile, "-key", certificates.keyFile]
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let line = try readLine(startingWith: "ACCEPT "), let port = Int(line.split(separator: ":").last ?? "") else {
            throw PeerError(description: "s_server did not report its port")
        }
        self.port = port
    }

    deinit {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// Bytes the client sent, from its request line on; nil at end of stream.
    func read() throws -> [UInt8]? {
        if !buffer.isEmpty {
            defer { buffer = [] }
            return buffer
        }
        return try readRaw()
    }

    /// Skips s_server's informational output up to the client's "GET ".
    func skipToRequest() throws {
        while true {
            if let start = buffer.firstRange(of: Array("GET ".utf8)) {
                buffer.removeSubrange(..<start.lowerBound)
                return
            }
            guard let chunk = try readRaw() else { throw PeerError(description: "s_server ended before the request") }
            buffer += chunk
        }
    }

    /// Sends bytes to the client.
    func write(_ bytes: [UInt8]) {
        stdin.fileHandleForWriting.write(Data(bytes))
    }

    /// Ends the connection (s_server treats end of its input as "done").
    func closeInput() {
        try? stdin.fileHandleForWriting.close()
    }

    private func readLine(startingWith prefix: String) throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                if line.hasPrefix(prefix) { return line }
                continue
            }
            guard let chunk = try readRaw() else { return nil }
            buffer += chunk
        }
    }

    /// One read from s_server's stdout within five seconds.
    private func readRaw() throws -> [UInt8]? {
        let fd = stdout.fileHandleForReading.fileDescriptor
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 5000) == 1 else { throw PeerError(description: "s_server silent for 5 s") }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? Array(chunk[..<n]) : nil
    }
}
