/// The text of a page's inline `<script>` or `<style>` elements: what a browser hashes to match
/// them against a Content-Security-Policy hash source.
///
/// A scanner for a page we write ourselves, not an HTML parser: it finds `<tag` (any letter
/// case) followed by `>`, `/` or white space, skips to the end of the start tag and takes
/// everything up to the next `</tag`. A `<script src=…>` carries no inline text and is skipped.
/// Comments are not understood, so the page must not spell out a start tag inside one.
enum InlineBlocks {
    /// The text of every inline `tag` element of `html`, in document order, with line breaks
    /// normalised (CR LF and lone CR to LF) as the HTML parser does before a browser hashes it.
    static func texts(of tag: String, in html: [UInt8]) -> [[UInt8]] {
        let open = Array("<\(tag)".utf8), close = Array("</\(tag)".utf8)
        var texts: [[UInt8]] = []
        var cursor = 0
        while let start = find(open, in: html, from: cursor) {
            let afterName = start + open.count
            guard afterName < html.count, isTagNameEnd(html[afterName]),
                  let startTagEnd = html[afterName...].firstIndex(of: UInt8(ascii: ">")) else {
                cursor = afterName
                continue
            }
            let end = find(close, in: html, from: startTagEnd + 1) ?? html.count
            if !hasSource(html[afterName..<startTagEnd]) {
                texts.append(normalizedLineBreaks(html[(startTagEnd + 1)..<end]))
            }
            cursor = end
        }
        return texts
    }

    /// The first index at or after `from` where `needle` starts, comparing ASCII letters
    /// without regard to case.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        for start in from...(haystack.count - needle.count) {
            var index = 0
            while index < needle.count, ASCII.lowercased(haystack[start + index]) == needle[index] { index += 1 }
            if index == needle.count { return start }
        }
        return nil
    }

    private static func isTagNameEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: " ")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Whether a start tag's attributes include `src` (so the element has no inline text).
    private static func hasSource(_ attributes: ArraySlice<UInt8>) -> Bool {
        let lowered = attributes.map(ASCII.lowercased)
        return find(Array(" src".utf8), in: lowered, from: 0) != nil
            || find(Array("\nsrc".utf8), in: lowered, from: 0) != nil
    }

    private static func normalizedLineBreaks(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var previousWasCR = false
        for byte in text {
            if byte == UInt8(ascii: "\r") {
                result.append(UInt8(ascii: "\n"))
            } else if !(byte == UInt8(ascii: "\n") && previousWasCR) {
                result.append(byte)
            }
            previousWasCR = byte == UInt8(ascii: "\r")
        }
        return result
    }
}
