import Foundation
import Testing

/// Rules the dashboard page (Sources/RatingsAPI/Dashboard/dashboard.html) must keep, checked on
/// the file itself: the browser test sees one run of it, these see every line.
@Suite struct DashboardFileTests {
    static let page: String = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/RatingsAPI/Dashboard/dashboard.html").standardizedFileURL.path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    @Test func theFileIsThere() {
        #expect(Self.page.hasPrefix("<!doctype html>"))
    }

    /// Upstream text is untrusted: the page builds its DOM with textContent only.
    @Test(arguments: ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"])
    func buildsNoMarkupFromStrings(api: String) {
        #expect(!Self.page.contains(api))
    }

    /// The policy allows inline blocks by hash only: a style attribute or an inline event
    /// handler would be refused by the browser, so the page must not rely on one.
    @Test func hasNoStyleAttributesOrInlineHandlers() {
        #expect(Self.page.range(of: #"\sstyle="#, options: .regularExpression) == nil)
        #expect(Self.page.range(of: #"<[^>]*\son[a-z]+="#, options: .regularExpression) == nil)
    }

    /// Works offline: nothing is loaded from another origin (the SVG namespace inside the
    /// data: icon is a name, not a fetch).
    @Test func loadsNothingFromElsewhere() {
        let remote = Self.page.replacingOccurrences(of: "xmlns='http://www.w3.org/2000/svg'", with: "")
        #expect(remote.range(of: #"(src|href)\s*=\s*["']?(https?:)?//"#, options: .regularExpression) == nil)
        #expect(remote.range(of: #"url\(\s*["']?(https?:)?//"#, options: .regularExpression) == nil)
        #expect(!remote.contains("@import"))
    }

    /// One inline script and one inline style: the two hashes of the policy.
    @Test func hasExactlyOneScriptAndOneStyleBlock() {
        #expect(Self.page.components(separatedBy: "<script").count == 2)
        #expect(Self.page.components(separatedBy: "<style").count == 2)
    }
}
