import HTTPServer

/// The live dashboard served at `GET /`: the page's bytes, their tag, and the headers that go
/// with them.
///
/// The page is one self-contained HTML file with inline CSS and JavaScript. Its
/// Content-Security-Policy is derived from those bytes when the API starts: every inline
/// `<script>` and `<style>` is allowed by its SHA-256 and nothing else is (no
/// `'unsafe-inline'`, no other origin), fetches and the event stream go to this origin only,
/// and the page cannot be framed. A `style="…"` attribute would be refused, so the page sets
/// styles through the DOM instead.
struct DashboardPage: Sendable {
    /// The HTML, as given.
    let body: [UInt8]
    /// A strong tag of `body`, hashed once.
    let etag: String
    /// `Content-Type`, `Cache-Control`, CORS, the policy and the other security headers.
    let headers: HTTPHeaders

    /// The page for `html`; `base` holds the content type, caching and CORS fields.
    init(html: [UInt8], base: HTTPHeaders) {
        body = html
        etag = EntityTag.strong(hashing: html)
        var headers = base
        headers.add(name: "Content-Security-Policy", value: Self.contentSecurityPolicy(for: html))
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "Referrer-Policy", value: "no-referrer")
        self.headers = headers
    }

    /// The policy allowing exactly the page's inline scripts and styles, by hash.
    ///
    /// `img-src data:` is for the inline favicon; `connect-src 'self'` covers both `fetch` of
    /// the JSON endpoints and the `EventSource` on `/events`.
    static func contentSecurityPolicy(for html: [UInt8]) -> String {
        [
            "default-src 'none'",
            "script-src " + sources(InlineBlocks.texts(of: "script", in: html)),
            "style-src " + sources(InlineBlocks.texts(of: "style", in: html)),
            "connect-src 'self'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    /// `'sha256-…'` of each text, or `'none'` when there is none.
    private static func sources(_ texts: [[UInt8]]) -> String {
        guard !texts.isEmpty else { return "'none'" }
        var seen: [String] = []
        for text in texts {
            let source = "'sha256-" + SHA256.base64Digest(text) + "'"
            if !seen.contains(source) { seen.append(source) }
        }
        return seen.joined(separator: " ")
    }
}
