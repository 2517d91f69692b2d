/// Lets every command-line option also come from the environment as `RATINGSD_<FLAG>`
/// (`--max-connections` from `RATINGSD_MAX_CONNECTIONS`). A flag given on the command line wins
/// over the environment, which wins over the default.
struct EnvironmentOverlay {
    /// Long option names (without `--`) that may come from the environment.
    let optionNames: [String]
    let prefix: String

    init(optionNames: [String], prefix: String = "RATINGSD_") {
        self.optionNames = optionNames
        self.prefix = prefix
    }

    /// The environment variable that carries `--name`.
    func variableName(for option: String) -> String {
        prefix + String(option.uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// The command-line arguments (without the program name) followed by `--name value` for each
    /// option set in the environment but absent from the arguments.
    func arguments(_ arguments: [String], environment: [String: String]) -> [String] {
        var result = arguments
        for option in optionNames where !Self.mentions(arguments, option: option) {
            if let value = environment[variableName(for: option)], !value.isEmpty {
                result += ["--\(option)", value]
            }
        }
        return result
    }

    private static func mentions(_ arguments: [String], option: String) -> Bool {
        arguments.contains { $0 == "--\(option)" || $0.hasPrefix("--\(option)=") }
    }
}
