import CCurl

/// A TCP (and for `wss`, TLS) connection made by libcurl, which then steps aside: with
/// `CURLOPT_CONNECT_ONLY` curl only connects and we move raw bytes with `curl_easy_send` and
/// `curl_easy_recv`, non-blocking.
///
/// Debian's libcurl has no WebSocket support built in, so curl is used for what it does well
/// (DNS, connect, TLS with verification, proxies) and RFC 6455 is ours. HTTP/1.1 is pinned so
/// TLS ALPN cannot pick h2. curl applies no timeouts after connecting: every wait here takes a
/// deadline from the caller. Used from one thread at a time.
final class CurlTransport {
    /// What one non-blocking read found.
    enum Received: Equatable {
        /// This many bytes were read into the buffer.
        case bytes(Int)
        /// Nothing to read now; poll before trying again.
        case wouldBlock
        /// The peer closed the connection.
        case endOfFile
    }

    /// The curl handle; releasing the transport releases it and closes the connection.
    let handle: CurlEasyHandle
    /// The connected socket, for poll(2) only; curl owns and closes it.
    let socketDescriptor: Int32

    private init(handle: CurlEasyHandle, socket: Int32) {
        self.handle = handle
        socketDescriptor = socket
    }

    /// Connects to `url`'s host and port, with TLS for `wss`, within the connect timeout.
    ///
    /// Failures come back as the kind the caller acts on: `resolveFailed`, `connectFailed`,
    /// `tlsFailed` or `timedOut(.connect)`.
    static func connect(to url: WebSocketURL, configuration: WebSocketClientConfiguration) throws(WebSocketError) -> CurlTransport {
        guard let handle = CurlEasyHandle() else {
            throw .connectFailed(CurlError(call: "curl_easy_init", code: CURLE_FAILED_INIT))
        }
        do {
            try configure(handle, url: url, configuration: configuration)
        } catch {
            throw .connectFailed(error)
        }
        let code = curl_easy_perform(handle.raw)
        guard code == CURLE_OK else {
            let error = handle.error(call: "curl_easy_perform", code: code)
            switch error.kind {
            case .resolve: throw .resolveFailed(error)
            case .tls: throw .tlsFailed(error)
            case .timeout: throw .timedOut(.connect)
            default: throw .connectFailed(error)
            }
        }
        var socket = curl_socket_t(CURL_SOCKET_BAD)
        let info = ccurl_active_socket(handle.raw, &socket)
        guard info == CURLE_OK, socket != CURL_SOCKET_BAD else {
            throw .connectFailed(handle.error(call: "curl_easy_getinfo(CURLINFO_ACTIVESOCKET)", code: info == CURLE_OK ? CURLE_COULDNT_CONNECT : info))
        }
        return CurlTransport(handle: handle, socket: socket)
    }

    /// Sets every option of a CONNECT_ONLY transfer; see the type's description for why.
    private static func configure(_ handle: CurlEasyHandle, url: WebSocketURL, configuration: WebSocketClientConfiguration) throws(CurlError) {
        try handle.set(CURLOPT_URL, url.curlURL)
        try handle.set(CURLOPT_CONNECT_ONLY, 1)
        try handle.set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
        // No signals: curl's resolver timeout would otherwise use SIGALRM, unsafe with threads.
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout.milliseconds))
        try handle.set(CURLOPT_SSL_VERIFYPEER, 1)
        try handle.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile { try handle.set(CURLOPT_CAINFO, caFile) }
        if let proxy = configuration.proxy {
            try handle.set(CURLOPT_PROXY, proxy)
            try handle.set(CURLOPT_NOPROXY, "")
            // Tunnel even for ws://, so the proxy never sees (or rewrites) our request.
            try handle.set(CURLOPT_HTTPPROXYTUNNEL, 1)
        } else {
            // "*" disables every proxy, including those named by environment variables.
            try handle.set(CURLOPT_NOPROXY, "*")
        }
        if let idle = configuration.tcpKeepAliveIdle {
            let seconds = max(1, Int(idle.components.seconds))
            try handle.set(CURLOPT_TCP_KEEPALIVE, 1)
            try handle.set(CURLOPT_TCP_KEEPIDLE, seconds)
            try handle.set(CURLOPT_TCP_KEEPINTVL, seconds)
        }
    }
}
