import ArgumentParser
import Logging

/// `--log-level` accepts swift-log's level names: trace, debug, info, notice, warning, error, critical.
extension Logger.Level: @retroactive ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
