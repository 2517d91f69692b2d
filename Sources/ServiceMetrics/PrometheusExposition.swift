/// Prometheus text exposition format 0.0.4, written line by line into one byte buffer.
///
/// Families are written in the order asked for, each as `# HELP` and `# TYPE` lines followed by
/// its samples, which is what makes an exact-line test of a scrape possible (a registry keyed
/// by a dictionary, as swift-prometheus's is, emits its families in hash order). Nothing checks
/// that a name is used once: each source owns the names it writes, under its own prefix.
public struct PrometheusExposition: Sendable {
    /// The text so far, UTF-8.
    public private(set) var bytes: [UInt8]

    /// The media type of what this writes, for `Content-Type`.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// An empty exposition with room for `capacity` bytes.
    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The `# HELP` and `# TYPE` lines that open a family. `help` is escaped (backslash and
    /// line feed), so any text is safe.
    public mutating func family(_ name: String, _ type: PrometheusMetricType, help: String) {
        bytes.append(contentsOf: "# HELP ".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: " "))
        for byte in help.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(contentsOf: "\n# TYPE ".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: type.rawValue.utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// One sample without labels.
    public mutating func sample(_ name: String, _ value: Int) {
        sample(name, [], value)
    }

    /// One sample without labels.
    public mutating func sample(_ name: String, _ value: Double) {
        sample(name, [], value)
    }

    /// One sample with an integer value.
    public mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Int) {
        head(name, labels)
        bytes.append(contentsOf: String(value).utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// One sample with a floating-point value: `+Inf`, `-Inf` and `NaN` as the format spells them.
    public mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
        head(name, labels)
        bytes.append(contentsOf: Self.text(of: value).utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// One sample of a duration or time in seconds, given in nanoseconds and written exactly in
    /// fixed-point decimal (`0.00025`, `1763690000.5`), never through a `Double`'s rounding.
    public mutating func sample(_ name: String, _ labels: [(String, String)] = [], nanoseconds: Int64) {
        head(name, labels)
        bytes.append(contentsOf: Self.seconds(nanoseconds: nanoseconds).utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Bytes already in the exposition format (another registry's output), appended as they are.
    public mutating func append(formatted: [UInt8]) {
        bytes.append(contentsOf: formatted)
    }

    /// `name{label="value",...} ` with label values escaped.
    private mutating func head(_ name: String, _ labels: [(String, String)]) {
        bytes.append(contentsOf: name.utf8)
        if !labels.isEmpty {
            bytes.append(UInt8(ascii: "{"))
            for (index, (label, value)) in labels.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: label.utf8)
                bytes.append(contentsOf: "=\"".utf8)
                appendEscaped(value)
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: " "))
    }

    /// A label value with backslash, double quote and line feed escaped, as the format requires.
    private mutating func appendEscaped(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            default: bytes.append(byte)
            }
        }
    }
}
