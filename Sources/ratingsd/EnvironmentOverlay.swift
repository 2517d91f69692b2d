/// Lets every command-line option also come from the environment as `RATINGSD_<FLAG>`
/// (`--max-connections` from `RATINGSD_MAX_CONNECTIONS`). A flag given on the command line wins
/// over the environment, which wins over the default.
///
/// Options take a value (`--port 9090`); flags take none (`--consensus-simplify`), so their
/// variable is read as a boolean: `1`, `true`, `yes` or `on` turns the flag on, anything else
/// leaves it off.
struct EnvironmentOverlay {
    /// Long option names (without `--`) that take a value and may come from the environment.
    let optionNames: [String]
    /// Long flag names (without `--`) that take no value and may come from the environment.
    let flagNames: [String]
    /// What every variable name starts with (`RATINGSD_`).
    let prefix: String

    init(optionNames: [String], flagNames: [String] = [], prefix: String = "RATINGSD_") {
        self.optionNames = optionNames
        self.flagNames = flagNames
        self.prefix = prefix
    }

    /// The environment variable that carries `--name`.
    func variableName(for option: String) -> String {
        prefix + String(option.uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// The command-line arguments (without the program name) followed by `--name value` for each
    /// option, and `--name` for each flag switched on, set in the environment but absent from
    /// the arguments.
    func arguments(_ arguments: [String], environment: [String: String]) -> [String] {
        var result = arguments
        for option in optionNames where !Self.mentions(arguments, option: option) {
            if let value = environment[variableName(for: option)], !value.isEmpty {
                result += ["--\(option)", value]
            }
        }
        for flag in flagNames where !Self.mentions(arguments, option: flag) {
            if let value = environment[variableName(for: flag)], Self.isOn(value) {
                result.append("--\(flag)")
            }
        }
        return result
    }

    /// Whether a flag's variable switches it on.
    static func isOn(_ value: String) -> Bool {
        ["1", "true", "yes", "on"].contains(value.lowercased())
    }

    private static func mentions(_ arguments: [String], option: String) -> Bool {
        arguments.contains { $0 == "--\(option)" || $0.hasPrefix("--\(option)=") }
    }
}
