import Testing
@testable import RatingsAPI

/// Finding the inline script and style text a browser hashes for a CSP.
@Suite struct InlineBlocksTests {
    private func texts(_ tag: String, _ html: String) -> [String] {
        InlineBlocks.texts(of: tag, in: Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func takesTheExactTextBetweenTheTagsOfEveryBlock() {
        let html = "<head><style>body{color:red}</style></head><script>one()\n</script><p>x</p><SCRIPT type=\"module\">two()</Script>"
        #expect(texts("script", html) == ["one()\n", "two()"])
        #expect(texts("style", html) == ["body{color:red}"])
    }

    @Test func skipsScriptsLoadedFromElsewhereAndLongerTagNames() {
        let html = "<script src=\"/x.js\"></script><scripts>no</scripts><script\nsrc=a.js></script><script>yes</script>"
        #expect(texts("script", html) == ["yes"])
    }

    /// The HTML parser turns CR LF and lone CR into LF before the browser hashes the text.
    @Test func normalisesLineBreaksAsTheParserDoes() {
        #expect(texts("script", "<script>a\r\nb\rc</script>") == ["a\nb\nc"])
    }

    @Test func anUnclosedBlockRunsToTheEndAndAPageWithoutBlocksHasNone() {
        #expect(texts("style", "<style>p{}") == ["p{}"])
        #expect(texts("script", "<p>plain</p><script") == [])
        #expect(texts("script", "") == [])
    }
}
