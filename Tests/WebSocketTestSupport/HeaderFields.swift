/// Splits a request head (without its blank line) into its first line and its fields.
///
/// Values lose their leading and trailing spaces and tabs (HTTP's optional whitespace); a
/// line without a colon becomes a field with that name and an empty value, so a malformed
/// head still reaches the handshake code under test instead of failing here.
public func headerFields(_ head: String) -> (line: String, fields: [(name: String, value: String)]) {
    let lines: [Substring] = head.split(separator: "\r\n")
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    let fields = lines.dropFirst().map { line -> (name: String, value: String) in
        let colon = line.firstIndex(of: ":") ?? line.endIndex
        let raw: Substring = colon < line.endIndex ? line[line.index(after: colon)...] : ""
        let value = raw.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        return (name: String(line[..<colon]), value: String(value))
    }
    return (String(lines.first ?? ""), fields)
}
