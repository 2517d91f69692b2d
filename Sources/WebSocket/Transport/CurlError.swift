import CCurl

/// A libcurl failure, built at the failing call with its `CURLcode` and curl's own words.
///
/// The raw code stays inside the module; callers read `kind` (what to do about it) and the
/// description. `detail` is curl's error buffer with anything that came from the URL's query
/// removed, so it is safe to log.
public struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure, for deciding what to report or retry.
    public enum Kind: Sendable, Equatable {
        /// The host name did not resolve.
        case resolve
        /// TCP (or the proxy) could not connect.
        case connect
        /// TLS handshake or certificate verification.
        case tls
        /// curl's connect timeout fired.
        case timeout
        /// The connection broke while reading or writing.
        case connectionLost
        /// Anything else (bad option, out of memory, ...).
        case other
    }

    /// The curl function that failed, e.g. "curl_easy_perform".
    public let call: String
    /// What kind of failure this is.
    public let kind: Kind
    /// `curl_easy_strerror` for the code, e.g. "Couldn't connect to server".
    public let message: String
    /// The error buffer's more specific text (may be empty), query-free.
    public let detail: String
    /// The `CURLcode` value, kept inside the module (shown in `description`).
    let code: UInt32

    /// Builds the error for `code` returned by `call`; `detail` is the error buffer's text.
    init(call: String, code: CURLcode, detail: String = "") {
        self.call = call
        self.code = code.rawValue
        message = String(cString: curl_easy_strerror(code))
        self.detail = detail
        kind = Self.kind(of: code)
    }

    /// "curl_easy_perform: Couldn't connect to server (7): Failed to connect to ..."
    public var description: String {
        let more = detail.isEmpty || detail == message ? "" : ": \(detail)"
        return "\(call): \(message) (\(code))\(more)"
    }

    private static func kind(of code: CURLcode) -> Kind {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .resolve
        case CURLE_COULDNT_CONNECT, CURLE_PROXY: .connect
        case CURLE_OPERATION_TIMEDOUT: .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_SHUTDOWN_FAILED:
            .tls
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING: .connectionLost
        default: .other
        }
    }
}
