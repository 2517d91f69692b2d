import CCurl

/// The one owner of a `CURL*` easy handle and its error buffer; `deinit` releases both once.
///
/// Its initializer cannot fail after acquiring the handle, so no partially built owner ever
/// exists: every later failure (an option curl refuses, a failed connect) happens with the
/// owner complete, and dropping it cleans up exactly once.
final class CurlEasyHandle {
    /// The handle, for the curl calls in this module.
    let raw: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER`: curl writes a detailed message here on failure.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// A new easy handle, or nil if curl could not initialize or allocate one.
    init?() {
        guard CurlGlobal.isInitialized, let raw = curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        _ = ccurl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        // Closes the socket (and sends TLS close_notify) if a connection is still up.
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// Sets a long-valued option.
    func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        let code = ccurl_setopt_long(raw, option, value)
        guard code == CURLE_OK else { throw error(call: "curl_easy_setopt", code: code) }
    }

    /// Sets a string-valued option (curl copies the string).
    func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        let code = ccurl_setopt_string(raw, option, value)
        guard code == CURLE_OK else { throw error(call: "curl_easy_setopt", code: code) }
    }

    /// The error for `code` returned by `call`, with the error buffer's detail, which is then
    /// cleared so a later failure does not repeat a stale message.
    func error(call: String, code: CURLcode) -> CurlError {
        let detail = String(cString: errorBuffer)
        errorBuffer[0] = 0
        return CurlError(call: call, code: code, detail: detail)
    }
}

/// `curl_global_init`, run once before the first handle: Swift initializes a static `let`
/// exactly once even when several threads race to it.
enum CurlGlobal {
    /// Whether the global initialization succeeded.
    static let isInitialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
}
