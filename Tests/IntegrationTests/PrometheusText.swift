/// A strict line-based reader of the Prometheus text format 0.0.4, enough to check that a
/// scrape parses: `# HELP`/`# TYPE` before a family's samples, every sample in a declared
/// family, labels quoted with the format's escapes, values numbers or `+Inf`/`-Inf`/`NaN`, and
/// histogram buckets cumulative with `+Inf` equal to `_count`.
struct PrometheusText {
    /// One sample line.
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    /// `# TYPE` by family name.
    private(set) var types: [String: String] = [:]
    /// Every sample in order.
    private(set) var samples: [Sample] = []

    /// Parses `text`, throwing at the first line that breaks the format.
    init(_ text: String) throws {
        guard text.isEmpty || text.hasSuffix("\n") else { throw FormatError(description: "no line feed at the end") }
        var helped: Set<String> = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let fail = { (why: String) in FormatError(description: "line \(number + 1) \(why): \(line)") }
            if line.hasPrefix("# HELP ") {
                let name = String(line.dropFirst(7).prefix { $0 != " " })
                guard Self.isMetricName(name), helped.insert(name).inserted else { throw fail("repeats or misnames a HELP") }
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                guard parts.count == 2, Self.isMetricName(String(parts[0])), types[String(parts[0])] == nil,
                      ["counter", "gauge", "histogram", "summary", "untyped"].contains(String(parts[1]))
                else { throw fail("is a bad TYPE") }
                types[String(parts[0])] = String(parts[1])
            } else if line.hasPrefix("#") || line.isEmpty {
                continue
            } else {
                guard let sample = Self.sample(Substring(line)) else { throw fail("is not a sample") }
                guard family(of: sample.name) != nil else { throw fail("belongs to no declared family") }
                samples.append(sample)
            }
        }
        try checkHistograms()
    }

    /// The value of the one sample named `name` with exactly `labels`, nil when absent.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// The family a sample name belongs to: itself, or a histogram's for `_bucket`/`_sum`/`_count`.
    private func family(of name: String) -> String? {
        if types[name] != nil { return name }
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if types[base] == "histogram" { return base }
        }
        return nil
    }

    private func checkHistograms() throws {
        for (family, type) in types where type == "histogram" {
            var series: [[String: String]: [(le: Double, count: Double)]] = [:]
            for sample in samples where sample.name == family + "_bucket" {
                guard let le = sample.labels["le"].flatMap(Self.number) else {
                    throw FormatError(description: "\(family)_bucket without a numeric le")
                }
                series[sample.labels.filter { $0.key != "le" }, default: []].append((le, sample.value))
            }
            for (labels, buckets) in series {
                guard buckets.last?.le == .infinity,
                      zip(buckets, buckets.dropFirst()).allSatisfy({ $0.le < $1.le && $0.count <= $1.count }),
                      value(family + "_count", labels) == buckets.last?.count,
                      value(family + "_sum", labels) != nil
                else { throw FormatError(description: "\(family)\(labels): buckets not cumulative up to +Inf == _count") }
            }
        }
    }

    private static func sample(_ line: Substring) -> Sample? {
        let name = String(line.prefix { $0 != "{" && $0 != " " })
        guard isMetricName(name) else { return nil }
        var rest = line.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = String(rest.prefix { $0 != "=" })
                guard isMetricName(label), !label.contains(":"), labels[label] == nil else { return nil }
                rest = rest.dropFirst(label.count)
                guard rest.hasPrefix("=\"") else { return nil }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    guard character == "\\" else { value.append(character); continue }
                    switch rest.first {
                    case "\\": value.append("\\")
                    case "\"": value.append("\"")
                    case "n": value.append("\n")
                    default: return nil
                    }
                    rest = rest.dropFirst()
                }
                guard rest.first == "\"" else { return nil }
                rest = rest.dropFirst()
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { return nil }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { return nil }
        let fields = rest.dropFirst().split(separator: " ")
        guard fields.count == 1 || fields.count == 2, let value = number(String(fields[0])) else { return nil }
        if fields.count == 2, Int64(fields[1]) == nil { return nil }
        return Sample(name: name, labels: labels, value: value)
    }

    private static func number(_ text: String) -> Double? {
        switch text {
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default: return Double(text)
        }
    }

    private static func isMetricName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy {
            switch $0 {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: ":"): return true
            default: return false
            }
        }
    }
}
