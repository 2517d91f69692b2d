import ArgumentParser
import HTTPServer

/// `--accept` names how the event loops share the listening port: `shared` (one listener, the
/// kernel wakes one idle loop per connection, as nginx does) or `reuse-port` (a listener per
/// loop, connections spread by address hash).
extension HTTPServerConfiguration.AcceptStrategy: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "shared": self = .sharedListener
        case "reuse-port": self = .reusePort
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["shared", "reuse-port"] }

    public var defaultValueDescription: String {
        switch self {
        case .sharedListener: "shared"
        case .reusePort: "reuse-port"
        }
    }
}
